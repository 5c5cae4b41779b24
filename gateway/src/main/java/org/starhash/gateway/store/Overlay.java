package org.starhash.gateway.store;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The durable changes that the complete state file does not hold yet, owned by the writer thread: those since
 * the running checkpoint began, and those it is writing. It also keeps the changes of the last completed
 * checkpoint, which the other state file still lacks. A key changed many times between two checkpoints is
 * written once, and a key written and removed in between not at all.
 */
final class Overlay {

    /** The value of a removed key. */
    static final byte[] REMOVED = new byte[0];

    private Map<TableKey, byte[]> current = new HashMap<>();
    /** Keys of {@code current} that were inserted new: no state file has ever seen them. */
    private Set<TableKey> fresh = new HashSet<>();
    private Map<TableKey, byte[]> flushing = Map.of();
    private Map<TableKey, byte[]> older = Map.of();

    /** The newest bytes of a key: its value, {@link #REMOVED}, or null when the state file has the answer. */
    byte[] get(TableKey key) {
        byte[] value = current.get(key);
        return value != null ? value : flushing.get(key);
    }

    /** Records a durable write; {@code isNew} says the key existed nowhere before. */
    void put(TableKey key, byte[] valueOrRemoved, boolean isNew) {
        if (valueOrRemoved == REMOVED && (isNew || fresh.contains(key))) {
            // Never in a state file: forgetting the key is the whole removal.
            current.remove(key);
            fresh.remove(key);
            return;
        }
        current.put(key, valueOrRemoved);
        if (isNew) {
            fresh.add(key);
        }
    }

    /** Records a change replayed at start that the complete state file has but the other one lacks. */
    void putOlder(TableKey key, byte[] valueOrRemoved) {
        if (older.isEmpty()) {
            older = new HashMap<>();
        }
        older.put(key, valueOrRemoved);
    }

    /** Changed keys not yet in the complete state file. */
    int size() {
        return current.size() + flushing.size();
    }

    /** Freezes what has changed so far for a checkpoint; later changes gather anew. */
    Map<TableKey, byte[]> beginFlush() {
        flushing = current;
        current = new HashMap<>();
        fresh = new HashSet<>();
        return flushing;
    }

    /** What the other state file lacks from before the complete one's checkpoint; frozen while a checkpoint runs. */
    Map<TableKey, byte[]> older() {
        return older;
    }

    /** The checkpoint completed: its changes are what the other state file now lacks. */
    void endFlush() {
        older = flushing;
        flushing = Map.of();
    }

    /** The checkpoint failed: its changes wait for the next one, together with those made meanwhile. */
    void abortFlush() {
        if (!flushing.isEmpty()) {
            Map<TableKey, byte[]> merged = new HashMap<>(flushing);
            merged.putAll(current);
            // A key the flush held may be in a state file whatever it was inserted as since: a later removal of it
            // must be written, not just forgotten.
            fresh.removeAll(flushing.keySet());
            current = merged;
            flushing = Map.of();
        }
    }

    /** Every key the overlay knows with its newest bytes, newest first. */
    Map<TableKey, byte[]> newest() {
        Map<TableKey, byte[]> all = new HashMap<>(flushing);
        all.putAll(current);
        return all;
    }
}
