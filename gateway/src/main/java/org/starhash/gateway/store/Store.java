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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

/**
 * The embedded store. Every change is a {@link Transaction} run by one writer thread; a batch of them is
 * journaled and forced once before it is applied to MapDB and before any of their futures completes.
 * Reads outside transactions see only what is durable.
 */
public final class Store implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Store.class);
    private static final String TABLE_PREFIX = "t_";

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

    private Store(Path directory, StoreSettings settings) throws IOException {
        this.settings = settings;
        Files.createDirectories(directory);
        this.db = DBMaker.fileDB(directory.resolve("state.db").toFile())
                .fileChannelEnable()
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
        this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
        this.writer = new Thread(this::writeLoop, "store-writer");
        this.writer.start();
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

    /** The durable value of a key. */
    public <V> Optional<V> read(Table<V> table, String key) {
        byte[] bytes = map(table.name()).get(key);
        return bytes == null ? Optional.empty() : Optional.of(table.codec().decode(bytes));
    }

    /** Every durable value of a table, in no particular order. */
    public <V> void forEach(Table<V> table, BiConsumer<String, V> action) {
        map(table.name()).forEach((k, v) -> action.accept(k, table.codec().decode(v)));
    }

    /** How many keys a table holds. */
    public int size(Table<?> table) {
        return map(table.name()).size();
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
        Batch.Committed committed = (table, key) -> map(table).get(key);
        while (running || !queue.isEmpty()) {
            try {
                Pending<?> first = queue.poll(100, TimeUnit.MILLISECONDS);
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
            apply(entries);
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

    private void maybeCheckpoint(boolean force) throws IOException {
        long last = journal.lastSeq();
        if (last == checkpoint.get()) {
            return;
        }
        if (force || System.nanoTime() - lastCheckpointNanos >= settings.checkpointInterval().toNanos()) {
            commitCheckpoint(last);
            journal.releaseUpTo(last);
        }
    }

    private void commitCheckpoint(long seq) {
        checkpoint.set(seq);
        db.commit();
        checkpoints.incrementAndGet();
        lastCheckpointNanos = System.nanoTime();
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
