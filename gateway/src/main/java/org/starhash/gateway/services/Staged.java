package org.starhash.gateway.services;

import org.starhash.gateway.store.Lookup;
import org.starhash.gateway.store.Put;
import org.starhash.gateway.store.Table;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A decision's view while it decides in steps: the state as it stands with the decision's own writes so far, and
 * those writes as puts, the last of each key kept, in the order last written.
 */
final class Staged implements Lookup {
    private final Lookup state;
    private final Map<String, Map<String, Object>> writes = new HashMap<>();
    private final Map<String, Put<?>> puts = new LinkedHashMap<>();

    Staged(Lookup state) {
        this.state = state;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> Optional<V> get(Table<V> table, String key) {
        Map<String, Object> written = writes.get(table.name());
        if (written != null && written.containsKey(key)) {
            return Optional.of((V) written.get(key));
        }
        return state.get(table, key);
    }

    <V> void put(Table<V> table, String key, V value) {
        writes.computeIfAbsent(table.name(), t -> new HashMap<>()).put(key, Objects.requireNonNull(value));
        puts.remove(table.name() + "\u0000" + key);
        puts.put(table.name() + "\u0000" + key, new Put<>(table, key, value));
    }

    List<Put<?>> puts() {
        return List.copyOf(puts.values());
    }
}
