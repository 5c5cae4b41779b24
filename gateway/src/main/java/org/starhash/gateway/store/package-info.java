/**
 * Subscriber state and its durability: one writer thread runs every transaction, appends each batch of
 * after-images to a checksummed journal, forces it to disk once, then applies it to MapDB, which is only the
 * materialised state with a checkpoint sequence; on start the journal tail after the checkpoint is replayed.
 */
package org.starhash.gateway.store;
