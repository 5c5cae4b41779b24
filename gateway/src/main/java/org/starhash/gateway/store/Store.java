package org.starhash.gateway.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * The embedded store. Every change is a {@link Transaction} run by one writer thread ({@link Writer}); a batch of
 * them is journaled and forced once before any of their futures completes, on a thread of its own. Durable
 * changes wait in an in-memory overlay ({@link Materialised}) and reach a state file at checkpoints
 * ({@link Checkpoints}), written by a thread of its own into the older of two state files, so no request waits
 * for a checkpoint and a failed one costs nothing but a retry.
 */
public final class Store implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Store.class);
    /** How long a sweep waits for a checkpoint to take the changes before it removes more. */
    private static final long CHECKPOINT_WAIT_MILLIS = 200;

    private final Generations generations;
    private final Journal journal;
    private final Materialised state;
    private final Checkpoints checkpoints;
    private final Writer writer;
    private final long replayed;
    private volatile boolean open = true;

    private Store(Path directory, StoreSettings settings, Disk disk) throws IOException {
        disk.createDirectories(directory);
        Generations generations = Generations.open(directory, disk);
        Overlay overlay = new Overlay();
        Journal opened;
        long[] count = {0};
        try {
            long complete = generations.currentSeq();
            opened = Journal.open(directory.resolve("journal"), disk, settings.segmentBytes(),
                    generations.oldestNeeded(), (seq, entries) -> {
                        for (JournalEntry e : entries) {
                            TableKey key = new TableKey(e.table(), e.key());
                            byte[] value = e.isRemoval() ? Overlay.REMOVED : e.value();
                            if (seq <= complete) {
                                overlay.putOlder(key, value);
                            } else {
                                overlay.put(key, value, false);
                            }
                        }
                        if (seq > complete) {
                            count[0]++;
                        }
                    });
        } catch (IOException | RuntimeException e) {
            generations.close();
            throw e;
        }
        this.generations = generations;
        this.journal = opened;
        this.replayed = count[0];
        this.state = new Materialised(generations, overlay, new ReadCache(settings.cacheEntries()));
        this.checkpoints = new Checkpoints(settings, overlay, generations, opened);
        if (replayed > 0) {
            LOG.info("store replayed {} journal records up to sequence {}", replayed, journal.lastSeq());
        }
        try {
            state.warmCache();
        } catch (RuntimeException e) {
            journal.close();
            generations.close();
            throw new IOException("store could not read its state file: " + e, e);
        }
        this.writer = new Writer(settings, opened, state, checkpoints);
    }

    /** Opens (or creates) the store in a directory, replaying the journal tail. */
    public static Store open(Path directory, StoreSettings settings) throws IOException {
        return new Store(directory, settings, Disk.REAL);
    }

    /** Opens the store with its file access going through {@code disk}; for fault-injection tests. */
    public static Store open(Path directory, StoreSettings settings, Disk disk) throws IOException {
        return new Store(directory, settings, disk);
    }

    /**
     * Queues a transaction; the future completes once its writes are durable, or with
     * {@link StoreFailedException} when it writes and the journal cannot be written. A queued transaction's
     * future completes on the store's completion thread, never on the writer: what is chained on it runs after
     * the commit while the writer goes on with the next batch. One refused before it is queued (the writer too far
     * behind: {@link StoreBusyException}; the store closed) completes at once on the caller's thread.
     */
    public <R> CompletableFuture<R> submit(Transaction<R> transaction) {
        return writer.submit(transaction, null);
    }

    /**
     * The same with a step that runs once the transaction is durable (or refused: then with the error), where
     * the future completes and just before it. Queued batches complete in commit order, so what a step hands on is
     * handed on before any later transaction's caller hears of its own commit: a dispatcher that pages a table
     * back from the store sees every row it reads handed on already. A step that throws is logged and changes
     * nothing of the outcome. A step must not wait for the store (read, forEach, claim, size, close): those
     * refuse on the completion thread, which would wait for itself.
     */
    public <R> CompletableFuture<R> submit(Transaction<R> transaction, BiConsumer<? super R, Throwable> afterCommit) {
        return writer.submit(transaction, afterCommit);
    }

    /**
     * Runs a read-only transaction over the durable state, before any change still queued. When the writer is not
     * deciding or applying a batch (it is forcing the journal, or idle) the read runs at once on the caller's thread
     * and the future is complete on return; otherwise it waits at most for the batch under way, however many
     * changes wait behind it. It sees every durable change and none that is not durable yet. A read that writes
     * fails.
     */
    public <R> CompletableFuture<R> readFirst(Transaction<R> transaction) {
        return writer.read(transaction);
    }

    /**
     * Runs a checkpoint now, whatever its schedule; completes with whether the state files hold every durable
     * change afterwards; for tests.
     */
    CompletableFuture<Boolean> checkpoint() {
        CompletableFuture<Boolean> done = checkpoints.request();
        submit(tx -> null); // wakes the writer
        return done;
    }

    /** The durable value of a key; waits for the writer. */
    public <V> Optional<V> read(Table<V> table, String key) {
        return await(submit(tx -> tx.get(table, key)));
    }

    /** Every durable value of a table, in no particular order; the writer takes a copy, then this runs. */
    public <V> void forEach(Table<V> table, BiConsumer<String, V> action) {
        Map<String, byte[]> rows = await(submit(tx -> state.snapshot(table.name())));
        rows.forEach((k, v) -> action.accept(k, table.codec().decode(v)));
    }

    /**
     * Up to {@code limit} durable values of a table whose keys are not in {@code claimed}, each key added to it
     * as its value is taken: how a dispatcher pages through a table of any size in bounded memory without taking
     * one twice. The writer picks the rows (asking {@code claimed}), then this decodes and claims them.
     */
    public <V> List<V> claim(Table<V> table, int limit, Set<String> claimed) {
        Map<String, byte[]> rows = await(submit(tx -> state.some(table.name(), limit, key -> !claimed.contains(key))));
        List<V> page = new ArrayList<>();
        rows.forEach((key, bytes) -> {
            if (claimed.add(key)) {
                page.add(table.codec().decode(bytes));
            }
        });
        return page;
    }

    /**
     * Removes the rows of a table whose value {@code expired} accepts, and returns how many: at most {@code page}
     * keys a transaction, each looked at again in it. It walks the state file on the caller's thread, so a table of
     * millions costs the writer only the removals; the rows changed since the last checkpoint it asks the writer
     * for. For housekeeping threads: it waits for each page, and while the changes waiting for a checkpoint pass
     * half of what one takes it waits for them, so a backlog of removals never gets live changes refused as busy.
     * When a checkpoint replaces the state file under the walk, the walk ends; the next call finds the rest.
     */
    public <V> int removeWhere(Table<V> table, Predicate<V> expired, int page) {
        if (page < 1) {
            throw new IllegalArgumentException("a page holds at least one key");
        }
        List<String> keys = new ArrayList<>(page);
        int removed = 0;
        List<String> recent = await(submit(tx -> {
            List<String> found = new ArrayList<>();
            state.overlay().newest().forEach((k, v) -> {
                if (k.table().equals(table.name()) && v != Overlay.REMOVED && expired.test(table.codec().decode(v))) {
                    found.add(k.key());
                }
            });
            return found;
        }));
        for (String key : recent) {
            keys.add(key);
            if (keys.size() == page) {
                removed += removeExpired(table, expired, keys);
            }
        }
        Generations.View walked = generations.complete();
        try {
            for (Map.Entry<String, byte[]> row : walked.table(table.name()).entrySet()) {
                if (generations.complete() != walked) {
                    LOG.info("store: a checkpoint replaced the state file while expired rows of {} were removed;"
                            + " the rest go at the next sweep", table.name());
                    break;
                }
                if (expired.test(table.codec().decode(row.getValue()))) {
                    keys.add(row.getKey());
                    if (keys.size() == page) {
                        removed += removeExpired(table, expired, keys);
                    }
                }
            }
        } catch (RuntimeException | IllegalAccessError closed) {
            // MapDB throws IllegalAccessError from a file that was closed (a failed checkpoint rebuilds it).
            LOG.info("store: removing expired rows of {} stopped early, the rest go at the next sweep: {}",
                    table.name(), closed.toString());
        }
        return removed + (keys.isEmpty() ? 0 : removeExpired(table, expired, keys));
    }

    /**
     * Removes those of {@code keys} that are still there and still expired, in one transaction, once the changes
     * waiting for a checkpoint are few enough; empties the list.
     */
    private <V> int removeExpired(Table<V> table, Predicate<V> expired, List<String> keys) {
        List<String> page = List.copyOf(keys);
        keys.clear();
        while (true) {
            int n = await(submit(tx -> {
                if (state.overlay().size() > Checkpoints.MAX_OVERLAY / 2) {
                    return -1;
                }
                int gone = 0;
                for (String key : page) {
                    Optional<V> value = tx.get(table, key);
                    if (value.isPresent() && expired.test(value.get())) {
                        tx.remove(table, key);
                        gone++;
                    }
                }
                return gone;
            }));
            if (n >= 0) {
                return n;
            }
            try {
                Thread.sleep(CHECKPOINT_WAIT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for a checkpoint to remove expired rows", e);
            }
        }
    }

    /** How many keys a table holds; waits for the writer. */
    public int size(Table<?> table) {
        return await(submit(tx -> state.sizeOf(table.name())));
    }

    private <R> R await(CompletableFuture<R> future) {
        if (writer.completesFutures()) {
            throw new IllegalStateException("a step after a store commit waited for the store: it would wait for itself");
        }
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    public StoreStats stats() {
        return new StoreStats(writer.transactions(), writer.changes(), writer.fsyncs(), checkpoints.completed(), replayed);
    }

    /** Finishes the queued transactions, checkpoints and closes. */
    @Override
    public synchronized void close() throws IOException {
        if (writer.completesFutures()) {
            throw new IllegalStateException("the store cannot be closed from a step after one of its commits");
        }
        if (!open) {
            return;
        }
        open = false;
        writer.close();
        checkpoints.close();
        try {
            journal.close();
        } finally {
            generations.close();
        }
    }
}
