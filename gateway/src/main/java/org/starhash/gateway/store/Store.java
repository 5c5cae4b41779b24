package org.starhash.gateway.store;

import org.mapdb.Atomic;
import org.mapdb.DB;
import org.mapdb.DBMaker;
import org.mapdb.HTreeMap;
import org.mapdb.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

/**
 * The embedded store. Every change is a {@link Transaction} run by one writer thread; a batch of them is
 * journaled and forced once before any of their futures completes. Durable changes wait in an in-memory
 * overlay and reach MapDB at checkpoints, copied a slice at a time between batches and committed by a
 * thread of its own, so no request waits for a whole checkpoint. Reads from other threads go through the writer and see only what is durable.
 */
public final class Store implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Store.class);
    private static final String TABLE_PREFIX = "t_";
    /** Overlay entries copied into MapDB between two batches while a checkpoint runs. */
    private static final int FLUSH_SLICE = 2_000;
    /** Changed keys that start a checkpoint before its time, bounding the overlay's memory. */
    private static final int MAX_OVERLAY = 500_000;

    private final StoreSettings settings;
    private final DB db;
    private final Atomic.Long checkpoint;
    private final Journal journal;
    private final Map<String, HTreeMap<String, byte[]>> maps = new ConcurrentHashMap<>();
    private final BlockingQueue<Pending<?>> queue;
    private final Thread writer;
    private final AtomicLong transactions = new AtomicLong();
    private final AtomicLong changes = new AtomicLong();
    private final AtomicLong fsyncs = new AtomicLong();
    private final AtomicLong checkpoints = new AtomicLong();
    private final long replayed;
    private volatile boolean running = true;
    private volatile StoreFailedException failure;
    private long lastCheckpointNanos = System.nanoTime();
    private final Overlay overlay = new Overlay();
    private final ReadCache cache;
    private Iterator<Map.Entry<TableKey, byte[]>> flush;
    private long flushSeq;
    /** MapDB's commit (two fsyncs) runs here, so batches go on meanwhile; the writer waits only for reads. */
    private final ExecutorService committer = Executors.newSingleThreadExecutor(r -> new Thread(r, "store-checkpoint"));
    private Future<?> committing;

    private Store(Path directory, StoreSettings settings) throws IOException {
        this.settings = settings;
        this.cache = new ReadCache(settings.cacheEntries());
        Files.createDirectories(directory);
        this.db = DBMaker.fileDB(directory.resolve("state.db").toFile())
                // Memory-mapped: reads of the materialised state cost no system call.
                .fileMmapEnableIfSupported()
                .transactionEnable()
                .make();
        this.checkpoint = db.atomicLong("journal_checkpoint").createOrOpen();
        long[] count = {0};
        this.journal = Journal.open(directory.resolve("journal"), settings.segmentBytes(), checkpoint.get(),
                (seq, entries) -> {
                    apply(entries);
                    count[0]++;
                });
        this.replayed = count[0];
        if (replayed > 0) {
            commitCheckpoint(journal.lastSeq());
            LOG.info("store replayed {} journal records up to sequence {}", replayed, journal.lastSeq());
        }
        warmCache();
        this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
        this.writer = new Thread(this::writeLoop, "store-writer");
        this.writer.start();
    }

    /** Fills the cache from MapDB, so the first requests after a start do not each pay a MapDB lookup. */
    private void warmCache() {
        long started = System.nanoTime();
        for (String name : db.getAllNames()) {
            if (!name.startsWith(TABLE_PREFIX)) {
                continue;
            }
            String table = name.substring(TABLE_PREFIX.length());
            for (Map.Entry<String, byte[]> e : map(table).entrySet()) {
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
        return new Store(directory, settings);
    }

    /**
     * Queues a transaction; the future completes once its writes are durable, or at once with
     * {@link StoreBusyException} when the writer is too far behind.
     */
    public <R> CompletableFuture<R> submit(Transaction<R> transaction) {
        CompletableFuture<R> future = new CompletableFuture<>();
        StoreFailedException failed = failure;
        if (failed != null) {
            future.completeExceptionally(failed);
        } else if (!running) {
            future.completeExceptionally(new IllegalStateException("store is closed"));
        } else if (!queue.offer(new Pending<>(transaction, future))) {
            future.completeExceptionally(new StoreBusyException("store queue is full"));
        }
        return future;
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

    /** How many keys a table holds; waits for the writer. */
    public int size(Table<?> table) {
        return await(submit(tx -> sizeOf(table.name())));
    }

    /** MapDB's count corrected by the overlay, without copying the table; on the writer thread only. */
    private int sizeOf(String table) {
        HTreeMap<String, byte[]> materialised = map(table);
        int[] size = {materialised.size()};
        overlay.newest().forEach((k, v) -> {
            if (k.table().equals(table)) {
                boolean there = materialised.containsKey(k.key());
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

    /** The table as MapDB and the overlay have it together; on the writer thread only. */
    private Map<String, byte[]> snapshot(String table) {
        Map<String, byte[]> rows = new HashMap<>(map(table));
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

    /** The newest durable bytes of a key, or null; on the writer thread only. */
    private byte[] committed(TableKey key) {
        byte[] bytes = overlay.get(key);
        if (bytes == null) {
            bytes = cache.get(key);
            if (bytes == null) {
                bytes = map(key.table()).get(key.key());
                cache.put(key, bytes);
            }
            return bytes;
        }
        return bytes == Overlay.REMOVED ? null : bytes;
    }

    public StoreStats stats() {
        return new StoreStats(transactions.get(), changes.get(), fsyncs.get(), checkpoints.get(), replayed);
    }

    private HTreeMap<String, byte[]> map(String table) {
        return maps.computeIfAbsent(table, name -> db.hashMap(TABLE_PREFIX + name, Serializer.STRING, Serializer.BYTE_ARRAY)
                .createOrOpen());
    }

    private void apply(List<JournalEntry> entries) {
        for (JournalEntry e : entries) {
            if (e.isRemoval()) {
                map(e.table()).remove(e.key());
            } else {
                map(e.table()).put(e.key(), e.value());
            }
        }
    }

    private void writeLoop() {
        List<Pending<?>> taken = new ArrayList<>(settings.maxBatch());
        Batch.Committed committed = this::committed;
        while (running || !queue.isEmpty()) {
            try {
                Pending<?> first = queue.poll(flush != null ? 1 : 100, TimeUnit.MILLISECONDS);
                if (first != null) {
                    taken.add(first);
                    queue.drainTo(taken, settings.maxBatch() - 1);
                    writeBatch(taken, new Batch(committed));
                    taken.clear();
                }
                maybeCheckpoint(false);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException | IOException | Error e) {
                fail(taken, e);
                taken.clear();
            }
        }
        try {
            if (failure == null) {
                maybeCheckpoint(true);
            }
        } catch (IOException | RuntimeException e) {
            LOG.error("store could not write its final checkpoint; the journal will be replayed at the next start", e);
        }
    }

    private void writeBatch(List<Pending<?>> taken, Batch batch) throws IOException {
        for (Pending<?> pending : taken) {
            pending.run(batch);
        }
        transactions.addAndGet(taken.size());
        if (!batch.isEmpty()) {
            List<JournalEntry> entries = batch.entries();
            journal.append(journal.lastSeq() + 1, entries);
            journal.sync();
            fsyncs.incrementAndGet();
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

    private void fail(List<Pending<?>> taken, Throwable cause) {
        StoreFailedException failed = new StoreFailedException("store failed to make a batch durable: " + cause, cause);
        failure = failed;
        LOG.error("store failed; changes are refused until it is reopened", cause);
        for (Pending<?> pending : taken) {
            pending.future.completeExceptionally(failed);
        }
        Pending<?> rest;
        while ((rest = queue.poll()) != null) {
            rest.future.completeExceptionally(failed);
        }
    }

    /**
     * Moves a checkpoint on: starts one when it is time (or the overlay is large), copies a slice of it into
     * MapDB, and commits it once copied; forced, it runs checkpoints to the end of the journal.
     */
    private void maybeCheckpoint(boolean force) throws IOException {
        do {
            if (committing != null) {
                if (!force && !committing.isDone()) {
                    return;
                }
                awaitCommit();
                journal.releaseUpTo(flushSeq);
                overlay.endFlush();
                flush = null;
                committing = null;
                lastCheckpointNanos = System.nanoTime();
                continue;
            }
            if (flush == null) {
                long last = journal.lastSeq();
                boolean due = System.nanoTime() - lastCheckpointNanos >= settings.checkpointInterval().toNanos()
                        || overlay.size() >= MAX_OVERLAY;
                if (last == checkpoint.get() || !(force || due)) {
                    return;
                }
                flush = overlay.beginFlush();
                flushSeq = last;
            }
            for (int n = 0; flush.hasNext() && (force || n < FLUSH_SLICE); n++) {
                Map.Entry<TableKey, byte[]> e = flush.next();
                if (e.getValue() == Overlay.REMOVED) {
                    map(e.getKey().table()).remove(e.getKey().key());
                } else {
                    map(e.getKey().table()).put(e.getKey().key(), e.getValue());
                }
            }
            if (!flush.hasNext()) {
                long seq = flushSeq;
                committing = committer.submit(() -> commitCheckpoint(seq));
            }
        } while (force);
    }

    private void awaitCommit() throws IOException {
        try {
            committing.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while MapDB committed a checkpoint", e);
        } catch (ExecutionException e) {
            throw new IOException("MapDB could not commit a checkpoint: " + e.getCause(), e.getCause());
        }
    }

    private void commitCheckpoint(long seq) {
        checkpoint.set(seq);
        db.commit();
        checkpoints.incrementAndGet();
    }

    /** Finishes the queued transactions, checkpoints and closes. */
    @Override
    public void close() throws IOException {
        if (!running) {
            return;
        }
        running = false;
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Pending<?> late;
        while ((late = queue.poll()) != null) {
            late.future.completeExceptionally(new IllegalStateException("store is closed"));
        }
        committer.shutdown();
        try {
            committer.awaitTermination(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        journal.close();
        db.close();
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
