/**
 * Subscriber state and its durability: one writer thread runs every transaction, appends each batch of
 * after-images to a checksummed journal, the source of truth, and forces it to disk once; checkpoints write
 * the changes into the older of two MapDB state files, and a checksummed marker names the newest complete one.
 * On start the journal after the checkpoint is replayed into memory.
 */
package org.starhash.gateway.store;
