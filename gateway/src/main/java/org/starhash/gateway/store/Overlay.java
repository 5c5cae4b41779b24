package org.starhash.gateway.store;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * The durable changes that MapDB does not hold yet, owned by the writer thread: those since the running
 * checkpoint began, and those the checkpoint is still copying into MapDB. A key changed many times between
 * two checkpoints reaches MapDB once, and a key written and removed in between not at all.
 */
final class Overlay {

    /** The value of a removed key. */
    static final byte[] REMOVED = new byte[0];

    private Map<TableKey, byte[]> current = new HashMap<>();
    /** Keys of {@code current} that were inserted new: MapDB has never seen them. */
    private Set<TableKey> fresh = new HashSet<>();
    private Map<TableKey, byte[]> flushing = Map.of();

    /** The newest bytes of a key: its value, {@link #REMOVED}, or null when MapDB has the answer. */
    byte[] get(TableKey key) {
        byte[] value = current.get(key);
        return value != null ? value : flushing.get(key);
    }

    /** Records a durable write; {@code isNew} says the key existed nowhere before. */
    void put(TableKey key, byte[] valueOrRemoved, boolean isNew) {
        if (valueOrRemoved == REMOVED && (isNew || fresh.contains(key))) {
            // Never in MapDB: forgetting the key is the whole removal.
            current.remove(key);
            fresh.remove(key);
            return;
        }
        current.put(key, valueOrRemoved);
        if (isNew) {
            fresh.add(key);
        }
    }

    int size() {
        return current.size();
    }

    /** Freezes what has changed so far for a checkpoint; later changes gather anew. */
    Iterator<Map.Entry<TableKey, byte[]>> beginFlush() {
        flushing = current;
        current = new HashMap<>();
        fresh = new HashSet<>();
        return flushing.entrySet().iterator();
    }

    /** Forgets the frozen changes: MapDB has committed them. */
    void endFlush() {
        flushing = Map.of();
    }

    /** Every key the overlay knows with its newest bytes, newest first. */
    Map<TableKey, byte[]> newest() {
        Map<TableKey, byte[]> all = new HashMap<>(flushing);
        all.putAll(current);
        return all;
    }
}
