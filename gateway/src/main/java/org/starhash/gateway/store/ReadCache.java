package org.starhash.gateway.store;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The writer's memory of values it read from MapDB, least recently used dropped first; a MapDB lookup costs
 * microseconds, a hit here tens of nanoseconds. Writes update it, so it never holds an older value than MapDB.
 */
final class ReadCache {

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

    /** The cached bytes, or null when the cache does not know. */
    byte[] get(TableKey key) {
        return entries.get(key);
    }

    boolean isFull() {
        return entries.size() >= capacity;
    }

    int size() {
        return entries.size();
    }

    /** Remembers a value read or written; {@code null} forgets the key. */
    void put(TableKey key, byte[] value) {
        if (value == null) {
            entries.remove(key);
        } else if (capacity > 0) {
            entries.put(key, value);
        }
    }
}
