package org.starhash.gateway.store;

import java.time.Duration;

/**
 * How the store batches and checkpoints.
 *
 * @param maxBatch           most transactions made durable by one fsync
 * @param queueCapacity      transactions waiting for the writer before new ones are refused as busy
 * @param checkpointInterval how often MapDB is committed and the journal before it dropped
 * @param segmentBytes       size at which the journal starts a new segment file
 * @param cacheEntries       values of MapDB the writer keeps in memory, most recently used first
 */
public record StoreSettings(int maxBatch, int queueCapacity, Duration checkpointInterval, long segmentBytes,
                            int cacheEntries) {

    public static final StoreSettings DEFAULTS = new StoreSettings(4096, 65_536, Duration.ofSeconds(10), 64L << 20,
            1_000_000);

    public StoreSettings {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be at least 1");
        }
        if (queueCapacity < maxBatch) {
            throw new IllegalArgumentException("queueCapacity must be at least maxBatch");
        }
        if (checkpointInterval.isNegative() || checkpointInterval.isZero()) {
            throw new IllegalArgumentException("checkpointInterval must be positive");
        }
        if (segmentBytes < 4096) {
            throw new IllegalArgumentException("segmentBytes must be at least 4096");
        }
        if (cacheEntries < 0) {
            throw new IllegalArgumentException("cacheEntries cannot be negative");
        }
    }
}
