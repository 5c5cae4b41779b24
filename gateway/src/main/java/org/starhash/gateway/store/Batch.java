package org.starhash.gateway.store;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The writes of the transactions of one batch, visible to the later transactions of the same batch before
 * they are durable; each transaction stages its writes and they join the batch only if it succeeds.
 */
final class Batch {

    /** The reads that reach past the batch: committed state. */
    interface Committed {
        byte[] get(TableKey key);
    }

    private final Committed committed;
    private final Map<TableKey, byte[]> writes = new LinkedHashMap<>();
    private final Set<TableKey> fresh = new HashSet<>();
    private int changedTransactions;

    Batch(Committed committed) {
        this.committed = committed;
    }

    /** Runs a transaction against this batch; its writes join the batch only when it returns normally. */
    <R> R run(Transaction<R> transaction) {
        Staged staged = new Staged();
        R result = transaction.run(staged);
        if (staged.writes != null) {
            writes.putAll(staged.writes);
            if (staged.fresh != null) {
                fresh.addAll(staged.fresh);
            }
            changedTransactions++;
        }
        return result;
    }

    boolean isEmpty() {
        return writes.isEmpty();
    }

    /** Whether a key written by this batch was inserted as new, so nothing older exists anywhere. */
    boolean isFresh(TableKey key) {
        return fresh.contains(key);
    }

    int changedTransactions() {
        return changedTransactions;
    }

    List<JournalEntry> entries() {
        List<JournalEntry> entries = new ArrayList<>(writes.size());
        writes.forEach((k, v) -> entries.add(new JournalEntry(k.table(), k.key(), v == Overlay.REMOVED ? null : v)));
        return entries;
    }

    private byte[] read(TableKey key, Map<TableKey, byte[]> staged) {
        byte[] value = staged == null ? null : staged.get(key);
        if (value == null) {
            value = writes.get(key);
        }
        if (value == null) {
            return committed.get(key);
        }
        return value == Overlay.REMOVED ? null : value;
    }

    private final class Staged implements Tx {
        /** Made at the first write: most transactions write one key or none. */
        private Map<TableKey, byte[]> writes;
        private Set<TableKey> fresh;

        private Map<TableKey, byte[]> writes() {
            if (writes == null) {
                writes = new LinkedHashMap<>(4);
            }
            return writes;
        }

        @Override
        public <V> Optional<V> get(Table<V> table, String key) {
            byte[] bytes = read(new TableKey(table.name(), key), writes);
            return bytes == null ? Optional.empty() : Optional.of(table.codec().decode(bytes));
        }

        @Override
        public <V> void put(Table<V> table, String key, V value) {
            writes().put(new TableKey(table.name(), key), table.codec().encode(value));
        }

        @Override
        public <V> void insert(Table<V> table, String key, V value) {
            TableKey k = new TableKey(table.name(), key);
            writes().put(k, table.codec().encode(value));
            if (fresh == null) {
                fresh = new HashSet<>(2);
            }
            fresh.add(k);
        }

        @Override
        public void remove(Table<?> table, String key) {
            writes().put(new TableKey(table.name(), key), Overlay.REMOVED);
        }
    }
}
