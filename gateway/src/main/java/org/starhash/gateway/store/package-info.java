/**
 * Subscriber state and its durability: one writer thread runs every transaction, appends each batch of
 * after-images to a checksummed journal, the source of truth, and forces it to disk once; a completion thread
 * then completes the batch's futures, so what callers chain on a commit never runs on the writer. Checkpoints
 * write the changes into the older of two MapDB state files, and a checksummed marker names the newest complete
 * one. On start the journal after the checkpoint is replayed into memory. Only this package touches MapDB.
 */
package org.starhash.gateway.store;
