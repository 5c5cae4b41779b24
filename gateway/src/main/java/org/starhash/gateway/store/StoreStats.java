package org.starhash.gateway.store;

/**
 * Counters of the writer since the store opened.
 *
 * @param transactions transactions run, read-only ones included
 * @param changes      transactions that wrote something
 * @param fsyncs       journal forces, one per batch that wrote
 * @param checkpoints  MapDB commits
 * @param replayed     journal records replayed at open
 */
public record StoreStats(long transactions, long changes, long fsyncs, long checkpoints, long replayed) {

    /** Changes made durable per fsync, the gain of group commit. */
    public double changesPerFsync() {
        return fsyncs == 0 ? 0 : (double) changes / fsyncs;
    }
}
