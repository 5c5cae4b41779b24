package org.starhash.gateway.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.starhash.gateway.faults.FaultLog;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The embedded store. Every change is a {@link Transaction} run by one writer thread; a batch of them is
 * journaled and forced once before any of their futures completes. Durable changes wait in an in-memory
 * overlay and reach a state file at checkpoints, written by a thread of its own into the older of two state
 * files, so no request waits for a checkpoint and a failed one costs nothing but a retry. When the journal
 * cannot be written, changes are refused at once while reads go on, and a probe finds when it can again.
 */
public final class Store implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Store.class);
    /** Changed keys past which changes are refused as busy while checkpoints fail. */
    private static final int OVERLAY_LIMIT = 4 * Checkpoints.MAX_OVERLAY;
    private static final long PROBE_MIN_NANOS = 100_000_000L;
    private static final long PROBE_MAX_NANOS = 5_000_000_000L;

    private final StoreSettings settings;
    private final Generations state;
    private final Journal journal;
    private final BlockingQueue<Pending<?>> queue;
    private final Thread writer;
    private final AtomicLong transactions = new AtomicLong();
    private final AtomicLong changes = new AtomicLong();
    private final AtomicLong fsyncs = new AtomicLong();
    private final long replayed;
    private volatile boolean running = true;
    private volatile boolean writable = true;
    private final Overlay overlay = new Overlay();
    private final ReadCache cache;
    private final FaultLog journalFault = new FaultLog(LOG, "store journal write (changes are refused, reads go on)");
    private final FaultLog writerFault = new FaultLog(LOG, "store transaction");
    private long nextProbeNanos;
    private long probeBackoffNanos = PROBE_MIN_NANOS;
    private final Checkpoints checkpoints;

    private Store(Path directory, StoreSettings settings, Disk disk) throws IOException {
        this.settings = settings;
        this.cache = new ReadCache(settings.cacheEntries());
        disk.createDirectories(directory);
        Generations generations = Generations.open(directory, disk);
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
        this.state = generations;
        this.journal = opened;
        this.replayed = count[0];
        this.checkpoints = new Checkpoints(settings, overlay, generations, opened);
        if (replayed > 0) {
            LOG.info("store replayed {} journal records up to sequence {}", replayed, journal.lastSeq());
        }
        try {
            warmCache();
        } catch (RuntimeException e) {
            journal.close();
            generations.close();
            throw new IOException("store could not read its state file: " + e, e);
        }
        this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
        this.writer = new Thread(this::writeLoop, "store-writer");
        this.writer.start();
    }

    /** Fills the cache from the state file, so the first requests after a start do not each pay a lookup. */
    private void warmCache() {
        long started = System.nanoTime();
        Generations.View complete = state.complete();
        for (String table : state.tables()) {
            for (Map.Entry<String, byte[]> e : complete.table(table).entrySet()) {
                if (cache.isFull()) {
                    break;
                }
                cache.put(new TableKey(table, e.getKey()), e.getValue());
            }
        }
        if (cache.size() > 0) {
            LOG.info("store cache warmed with {} values in {} ms", cache.size(), (System.nanoTime() - started) / 1_000_000);
        }
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
     * Queues a transaction; the future completes once its writes are durable, or at once with
     * {@link StoreBusyException} when the writer is too far behind, or with {@link StoreFailedException} when it
     * writes and the journal cannot be written.
     */
    public <R> CompletableFuture<R> submit(Transaction<R> transaction) {
        CompletableFuture<R> future = new CompletableFuture<>();
        if (!running) {
            future.completeExceptionally(new IllegalStateException("store is closed"));
        } else if (!queue.offer(new Pending<>(transaction, future))) {
            future.completeExceptionally(new StoreBusyException("store queue is full"));
        }
        return future;
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
        Map<String, byte[]> rows = await(submit(tx -> snapshot(table.name())));
        rows.forEach((k, v) -> action.accept(k, table.codec().decode(v)));
    }

    /**
     * Up to {@code limit} durable values of a table whose keys are not in {@code claimed}, each key added to it
     * as its value is taken: how a dispatcher pages through a table of any size in bounded memory without taking
     * one twice. The writer picks the rows (asking {@code claimed}), then this decodes and claims them.
     */
    public <V> List<V> claim(Table<V> table, int limit, Set<String> claimed) {
        Map<String, byte[]> rows = await(submit(tx -> some(table.name(), limit, key -> !claimed.contains(key))));
        List<V> page = new ArrayList<>();
        rows.forEach((key, bytes) -> {
            if (claimed.add(key)) {
                page.add(table.codec().decode(bytes));
            }
        });
        return page;
    }

    /** How many keys a table holds; waits for the writer. */
    public int size(Table<?> table) {
        return await(submit(tx -> sizeOf(table.name())));
    }

    /** The state file's count corrected by the overlay, without copying the table; on the writer thread only. */
    private int sizeOf(String table) {
        // One generation throughout: a checkpoint may complete meanwhile.
        Generations.View complete = state.complete();
        int[] size = {complete.table(table).size()};
        overlay.newest().forEach((k, v) -> {
            if (k.table().equals(table)) {
                boolean there = complete.contains(table, k.key());
                if (v == Overlay.REMOVED && there) {
                    size[0]--;
                } else if (v != Overlay.REMOVED && !there) {
                    size[0]++;
                }
            }
        });
        return size[0];
    }

    private static <R> R await(CompletableFuture<R> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** The table as the state file and the overlay have it together; on the writer thread only. */
    private Map<String, byte[]> snapshot(String table) {
        Map<String, byte[]> rows = new HashMap<>(state.complete().table(table));
        overlay.newest().forEach((k, v) -> {
            if (k.table().equals(table)) {
                if (v == Overlay.REMOVED) {
                    rows.remove(k.key());
                } else {
                    rows.put(k.key(), v);
                }
            }
        });
        return rows;
    }

    /** Up to {@code limit} rows of a table that {@code wanted} accepts, newest changes first; on the writer thread only. */
    private Map<String, byte[]> some(String table, int limit, Predicate<String> wanted) {
        Map<String, byte[]> rows = new HashMap<>();
        Set<String> changed = new HashSet<>();
        overlay.newest().forEach((k, v) -> {
            if (k.table().equals(table)) {
                changed.add(k.key());
                if (v != Overlay.REMOVED && rows.size() < limit && wanted.test(k.key())) {
                    rows.put(k.key(), v);
                }
            }
        });
        for (Map.Entry<String, byte[]> e : state.complete().table(table).entrySet()) {
            if (rows.size() >= limit) {
                break;
            }
            if (!changed.contains(e.getKey()) && wanted.test(e.getKey())) {
                rows.put(e.getKey(), e.getValue());
            }
        }
        return rows;
    }

    /** The newest durable bytes of a key, or null; on the writer thread only. */
    private byte[] committed(TableKey key) {
        byte[] bytes = overlay.get(key);
        if (bytes == null) {
            bytes = cache.get(key);
            if (bytes == null) {
                bytes = state.get(key.table(), key.key());
                cache.put(key, bytes);
            }
            return bytes;
        }
        return bytes == Overlay.REMOVED ? null : bytes;
    }

    public StoreStats stats() {
        return new StoreStats(transactions.get(), changes.get(), fsyncs.get(), checkpoints.completed(), replayed);
    }

    private void writeLoop() {
        List<Pending<?>> taken = new ArrayList<>(settings.maxBatch());
        Batch.Committed committed = this::committed;
        while (running || !queue.isEmpty()) {
            try {
                Pending<?> first = queue.poll(checkpoints.running() || !writable ? 10 : 100, TimeUnit.MILLISECONDS);
                if (!writable) {
                    probe();
                }
                if (first != null) {
                    taken.add(first);
                    queue.drainTo(taken, settings.maxBatch() - 1);
                    if (!writable) {
                        refuseChanges(taken, committed, () -> new StoreFailedException(
                                "the journal cannot be written: changes are refused until it can", null));
                    } else if (overlay.size() >= OVERLAY_LIMIT) {
                        refuseChanges(taken, committed, () -> new StoreBusyException(
                                "checkpoints are failing and the overlay is full"));
                    } else {
                        writeBatch(taken, new Batch(committed));
                    }
                    taken.clear();
                }
                checkpoints.tick(false);
                checkpoints.answerRequests();
                if (writable) {
                    journalFault.ok(); // lets the end of a fault be logged even when no change comes
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException | Error e) {
                writerFault.failed(e);
                fail(taken, new StoreFailedException("store failed to run a batch: " + e, e));
                taken.clear();
            }
        }
        checkpoints.finish(writable);
    }

    private void writeBatch(List<Pending<?>> taken, Batch batch) {
        for (Pending<?> pending : taken) {
            pending.run(batch);
        }
        transactions.addAndGet(taken.size());
        if (!batch.isEmpty()) {
            List<JournalEntry> entries = batch.entries();
            try {
                journal.write(journal.lastSeq() + 1, entries);
            } catch (IOException | RuntimeException e) {
                journalFault.failed(e);
                writable = false;
                probeBackoffNanos = PROBE_MIN_NANOS;
                nextProbeNanos = System.nanoTime() + probeBackoffNanos;
                fail(taken, new StoreFailedException("the journal could not be written: " + e.getMessage(), e));
                return;
            }
            fsyncs.incrementAndGet();
            journalFault.ok();
            changes.addAndGet(batch.changedTransactions());
            for (JournalEntry e : entries) {
                TableKey key = new TableKey(e.table(), e.key());
                boolean isNew = batch.isFresh(key);
                overlay.put(key, e.isRemoval() ? Overlay.REMOVED : e.value(), isNew);
                if (!isNew) {
                    cache.put(key, e.value());
                }
            }
        }
        for (Pending<?> pending : taken) {
            pending.complete();
        }
    }

    /** Answers what writes nothing and refuses the rest, each transaction on its own so none sees another's writes. */
    private void refuseChanges(List<Pending<?>> taken, Batch.Committed committed, Supplier<RuntimeException> refusal) {
        for (Pending<?> pending : taken) {
            Batch alone = new Batch(committed);
            pending.run(alone);
            if (alone.isEmpty()) {
                pending.complete();
            } else {
                pending.future.completeExceptionally(refusal.get());
            }
        }
        transactions.addAndGet(taken.size());
    }

    /** Tries an empty journal record, doubling the wait between tries; the store takes changes again once it is written. */
    private void probe() {
        long now = System.nanoTime();
        if (now < nextProbeNanos) {
            return;
        }
        try {
            journal.write(journal.lastSeq() + 1, List.of());
            writable = true;
            journalFault.ok();
        } catch (IOException | RuntimeException e) {
            journalFault.failed(e);
            probeBackoffNanos = Math.min(probeBackoffNanos * 2, PROBE_MAX_NANOS);
            nextProbeNanos = now + probeBackoffNanos;
        }
    }

    private void fail(List<Pending<?>> taken, StoreFailedException failed) {
        for (Pending<?> pending : taken) {
            pending.future.completeExceptionally(failed);
        }
    }

    /** Finishes the queued transactions, checkpoints and closes. */
    @Override
    public void close() throws IOException {
        if (!running) {
            return;
        }
        running = false;
        queue.offer(new Pending<>(tx -> null, new CompletableFuture<>())); // wakes the writer
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Pending<?> late;
        while ((late = queue.poll()) != null) {
            late.future.completeExceptionally(new IllegalStateException("store is closed"));
        }
        checkpoints.close();
        try {
            journal.close();
        } finally {
            state.close();
        }
    }

    /** A queued transaction and its result until the batch is durable. */
    private static final class Pending<R> {
        private final Transaction<R> transaction;
        private final CompletableFuture<R> future;
        private R result;
        private RuntimeException error;

        Pending(Transaction<R> transaction, CompletableFuture<R> future) {
            this.transaction = transaction;
            this.future = future;
        }

        void run(Batch batch) {
            try {
                result = batch.run(transaction);
            } catch (RuntimeException e) {
                error = e;
            }
        }

        void complete() {
            if (error != null) {
                future.completeExceptionally(error);
            } else {
                future.complete(result);
            }
        }
    }
}
