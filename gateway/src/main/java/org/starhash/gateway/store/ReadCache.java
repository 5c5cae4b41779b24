package org.starhash.gateway.store;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The writer's memory of values it read from MapDB, least recently used dropped first; a MapDB lookup costs
 * microseconds, a hit here tens of nanoseconds. Writes update it, so it never holds an older value than MapDB. It
 * remembers keys MapDB does not hold too ({@link #ABSENT}): most subscribers have no usage row this month, and
 * asking MapDB for each of them again was most of an authorization query's cost.
 */
final class ReadCache {

    /** The cached answer for a key MapDB does not hold. */
    static final byte[] ABSENT = new byte[0];

    private final int capacity;
    private final LinkedHashMap<TableKey, byte[]> entries;

    ReadCache(int capacity) {
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<TableKey, byte[]> eldest) {
                return size() > ReadCache.this.capacity;
            }
        };
    }

    /** The cached bytes, {@link #ABSENT}, or null when the cache does not know. */
    byte[] get(TableKey key) {
        return entries.get(key);
    }

    boolean isFull() {
        return entries.size() >= capacity;
    }

    int size() {
        return entries.size();
    }

    /** Remembers a value read or written, or {@link #ABSENT}. */
    void put(TableKey key, byte[] value) {
        if (capacity > 0) {
            entries.put(key, value);
        }
    }

    /** Forgets a key: its next read asks MapDB. */
    void forget(TableKey key) {
        entries.remove(key);
    }
}
