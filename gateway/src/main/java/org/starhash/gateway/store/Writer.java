package org.starhash.gateway.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.starhash.gateway.faults.FaultLog;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * The single writer: takes a batch of queued transactions, runs them in order against the durable state, appends
 * their changes to the journal and forces it once, makes them part of the materialised state, and hands the
 * batch to {@link Completions}. It also ticks the checkpoints. When the journal cannot be written, changes are
 * refused at once while reads go on, and a probe finds when it can again.
 *
 * <p>The materialised state is the writer's, guarded by {@link #stateLock}, which it holds while it decides a batch
 * and while it applies a durable one, not while it forces the journal or waits for work. A read
 * ({@link #read}) takes the lock on its caller's thread when it is free and runs there at once: an authorization
 * query from an HTTP event loop then costs no hand-over to the writer and back. When the writer holds it, the read
 * queues and the writer runs it before its next batch.
 */
final class Writer {

    private static final Logger LOG = LoggerFactory.getLogger(Store.class);
    /** Changed keys past which changes are refused as busy while checkpoints fail. */
    private static final int OVERLAY_LIMIT = 4 * Checkpoints.MAX_OVERLAY;
    private static final long PROBE_MIN_NANOS = 100_000_000L;
    private static final long PROBE_MAX_NANOS = 5_000_000_000L;
    /** Reads waiting for the writer at most; beyond, a read is refused as busy. */
    private static final int READS = 16_384;

    private final StoreSettings settings;
    private final Journal journal;
    private final Materialised state;
    private final Checkpoints checkpoints;
    private final BlockingQueue<Pending<?>> queue;
    /** Reads that go before the next batch of changes, so none waits longer than the commit under way. */
    private final BlockingQueue<Pending<?>> reads = new ArrayBlockingQueue<>(READS);
    /** A wake-up for reads is queued and not yet taken: many reads at once cost one. */
    private final java.util.concurrent.atomic.AtomicBoolean wakeQueued = new java.util.concurrent.atomic.AtomicBoolean();
    private final Completions completions = new Completions();
    private final Thread thread;
    private final AtomicLong transactions = new AtomicLong();
    private final AtomicLong changes = new AtomicLong();
    private final AtomicLong fsyncs = new AtomicLong();
    private final FaultLog journalFault = new FaultLog(LOG, "store journal write (changes are refused, reads go on)");
    private final FaultLog writerFault = new FaultLog(LOG, "store transaction");
    /** A step after a commit that failed: a bug of its caller's, logged once a minute while it lasts. */
    private static final FaultLog AFTER_COMMIT_FAULT = new FaultLog(LOG, "steps after a store commit");
    /** Held by whoever reads or changes {@link #state}: the writer, or a read on its caller's thread. */
    private final ReentrantLock stateLock = new ReentrantLock();
    /** Cleared under the lock once the writer has stopped: a read on its caller's thread then queues and is refused. */
    private boolean stateOpen = true;
    private final Batch.Committed committed;
    private volatile boolean running = true;
    private volatile boolean writable = true;
    private long nextProbeNanos;
    private long probeBackoffNanos = PROBE_MIN_NANOS;

    Writer(StoreSettings settings, Journal journal, Materialised state, Checkpoints checkpoints) {
        this.settings = settings;
        this.journal = journal;
        this.state = state;
        this.checkpoints = checkpoints;
        this.committed = state::get;
        this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
        this.thread = new Thread(this::loop, "store-writer");
        this.thread.start();
    }

    /** Queues a transaction; see {@link Store#submit(Transaction, BiConsumer)}. */
    <R> CompletableFuture<R> submit(Transaction<R> transaction, BiConsumer<? super R, Throwable> afterCommit) {
        CompletableFuture<R> future = new CompletableFuture<>();
        enqueue(queue, new Pending<>(transaction, future, afterCommit), "store queue is full");
        return future;
    }

    /**
     * Runs a read at once on the calling thread when the state is free, else queues it before any change still
     * waiting; see {@link Store#readFirst}. The writer's own thread always queues: it may be inside a batch.
     */
    <R> CompletableFuture<R> read(Transaction<R> transaction) {
        CompletableFuture<R> future = new CompletableFuture<>();
        // Not ahead of the writer when it waits for the lock: a stream of reads must not hold a durable batch back.
        if (Thread.currentThread() != thread && !stateLock.hasQueuedThreads() && stateLock.tryLock()) {
            Pending<R> now = new Pending<>(transaction, future, null);
            boolean ran = false;
            try {
                if (stateOpen) {
                    runRead(now);
                    ran = true;
                }
            } finally {
                stateLock.unlock();
            }
            if (ran) {
                transactions.incrementAndGet();
                now.run(); // completes the future outside the lock
                return future;
            }
        }
        if (enqueue(reads, new Pending<>(transaction, future, null), "too many reads wait for the store")
                && wakeQueued.compareAndSet(false, true)) {
            queue.offer(new Pending<>(tx -> null, new CompletableFuture<>(), null)); // wakes an idle writer
        }
        return future;
    }

    /**
     * Puts a transaction in a queue of the writer, or refuses it at once on the caller's thread: the store is
     * closed, or the queue full. Returns whether it was queued.
     */
    private boolean enqueue(BlockingQueue<Pending<?>> into, Pending<?> pending, String full) {
        RuntimeException refusal = null;
        if (!running) {
            refusal = new IllegalStateException("store is closed");
        } else if (!into.offer(pending)) {
            refusal = new StoreBusyException(full);
        } else if (!running && into.remove(pending)) {
            // Closed between the check and the offer, after close drained the queue: refused here.
            refusal = new IllegalStateException("store is closed");
        }
        if (refusal == null) {
            return true;
        }
        pending.fail(refusal);
        pending.run();
        return false;
    }

    /** Runs the reads that wait, each on its own; one that writes is refused. */
    private void runReads() {
        if (reads.isEmpty()) {
            return;
        }
        List<Pending<?>> taken = new ArrayList<>();
        reads.drainTo(taken);
        stateLock.lock();
        try {
            taken.forEach(this::runRead);
        } finally {
            stateLock.unlock();
        }
        transactions.addAndGet(taken.size());
        completeOrRun(taken);
    }

    /** Runs one read against the durable state, with the lock held; one that writes is refused. */
    private void runRead(Pending<?> read) {
        Batch alone = new Batch(committed);
        read.run(alone);
        if (!alone.isEmpty()) {
            read.fail(new IllegalStateException("a read of the store tried to write"));
        }
    }

    /** Whether the calling thread completes the store's futures (and so must not wait for one). */
    boolean completesFutures() {
        return completions.isCurrentThread();
    }

    long transactions() {
        return transactions.get();
    }

    long changes() {
        return changes.get();
    }

    long fsyncs() {
        return fsyncs.get();
    }

    private void loop() {
        List<Pending<?>> taken = new ArrayList<>(settings.maxBatch());
        while (running || !queue.isEmpty()) {
            try {
                runReads();
                Pending<?> first = queue.poll(checkpoints.running() || !writable ? 10 : 100, TimeUnit.MILLISECONDS);
                wakeQueued.set(false);
                runReads();
                if (!writable) {
                    probe();
                }
                if (first != null) {
                    taken.add(first);
                    queue.drainTo(taken, settings.maxBatch() - 1);
                    // Any wake-up just drained is spent: a read queued before this runs at the top of the loop,
                    // one queued after it queues a wake-up of its own.
                    wakeQueued.set(false);
                    stateLock.lock();
                    try {
                        if (!writable) {
                            refuseChanges(taken, () -> new StoreFailedException(
                                    "the journal cannot be written: changes are refused until it can", null));
                        } else if (state.overlay().size() >= OVERLAY_LIMIT) {
                            refuseChanges(taken, () -> new StoreBusyException(
                                    "the state file is behind (checkpoints fail, or are slower than the changes): the overlay is full"));
                        } else {
                            writeBatch(taken, new Batch(committed));
                        }
                    } finally {
                        stateLock.unlock();
                    }
                    completeOrRun(taken);
                    taken.clear();
                }
                stateLock.lock();
                try {
                    checkpoints.tick(false);
                    checkpoints.answerRequests();
                } finally {
                    stateLock.unlock();
                }
                if (writable) {
                    journalFault.ok(); // lets the end of a fault be logged even when no change comes
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException | Error e) {
                writerFault.failed(e);
                StoreFailedException failed = new StoreFailedException("store failed to run a batch: " + e, e);
                taken.forEach(p -> p.fail(failed));
                completeOrRun(taken);
                taken.clear();
            }
        }
        stateLock.lock(); // the last checkpoint flushes the overlay: no read on a caller's thread meanwhile
        try {
            checkpoints.finish(writable);
        } finally {
            stateLock.unlock();
        }
    }

    /** Hands a decided batch to the completions; if interrupted meanwhile, completes it here so none is lost. */
    private void completeOrRun(List<Pending<?>> taken) {
        try {
            completions.complete(taken);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            taken.forEach(Pending::run);
        }
    }

    /** Decides and commits a batch; called with the lock held, it lets go of it while the journal is forced. */
    private void writeBatch(List<Pending<?>> taken, Batch batch) {
        for (Pending<?> pending : taken) {
            pending.run(batch);
        }
        transactions.addAndGet(taken.size());
        if (batch.isEmpty()) {
            return;
        }
        List<JournalEntry> entries = batch.entries();
        Exception failure = null;
        stateLock.unlock();
        try {
            journal.write(journal.lastSeq() + 1, entries);
        } catch (IOException | RuntimeException e) {
            failure = e;
        } finally {
            stateLock.lock();
        }
        if (failure != null) {
            Exception e = failure;
            journalFault.failed(e);
            writable = false;
            probeBackoffNanos = PROBE_MIN_NANOS;
            nextProbeNanos = System.nanoTime() + probeBackoffNanos;
            StoreFailedException failed = new StoreFailedException("the journal could not be written: " + e.getMessage(), e);
            taken.forEach(p -> p.fail(failed));
            return;
        }
        fsyncs.incrementAndGet();
        journalFault.ok();
        changes.addAndGet(batch.changedTransactions());
        for (JournalEntry e : entries) {
            TableKey key = new TableKey(e.table(), e.key());
            state.committed(key, e.value(), batch.isFresh(key));
        }
    }

    /** Answers what writes nothing and refuses the rest, each transaction on its own so none sees another's writes. */
    private void refuseChanges(List<Pending<?>> taken, Supplier<RuntimeException> refusal) {
        for (Pending<?> pending : taken) {
            Batch alone = new Batch(committed);
            pending.run(alone);
            if (!alone.isEmpty()) {
                pending.fail(refusal.get());
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

    /** Finishes the queued transactions and their completions, then stops; what came later is refused. */
    void close() {
        if (!running) {
            return;
        }
        running = false;
        queue.offer(new Pending<>(tx -> null, new CompletableFuture<>(), null)); // wakes the writer
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        runReads();
        stateLock.lock();
        try {
            stateOpen = false;
        } finally {
            stateLock.unlock();
        }
        completions.close();
        Pending<?> late;
        while ((late = reads.poll()) != null) {
            late.fail(new IllegalStateException("store is closed"));
            late.run();
        }
        while ((late = queue.poll()) != null) {
            late.fail(new IllegalStateException("store is closed"));
            late.run();
        }
    }

    /** A queued transaction and its result until the batch is durable. */
    private static final class Pending<R> implements Runnable {
        private final Transaction<R> transaction;
        private final CompletableFuture<R> future;
        private final BiConsumer<? super R, Throwable> afterCommit;
        private R result;
        private RuntimeException error;

        Pending(Transaction<R> transaction, CompletableFuture<R> future, BiConsumer<? super R, Throwable> afterCommit) {
            this.transaction = transaction;
            this.future = future;
            this.afterCommit = afterCommit;
        }

        void run(Batch batch) {
            try {
                result = batch.run(transaction);
            } catch (RuntimeException e) {
                error = e;
            }
        }

        void fail(RuntimeException failure) {
            error = failure;
        }

        /**
         * Runs the after-commit step, then completes the future: on the completions thread, after the batch is
         * durable or refused (on the caller's thread when it was refused before it was queued). A step that fails
         * is logged and changes nothing of the outcome: what was committed stays committed, and its caller hears so.
         */
        @Override
        public void run() {
            if (afterCommit != null) {
                try {
                    afterCommit.accept(error == null ? result : null, error);
                    AFTER_COMMIT_FAULT.ok();
                } catch (RuntimeException | Error e) {
                    AFTER_COMMIT_FAULT.failed(e);
                }
            }
            if (error != null) {
                future.completeExceptionally(error);
            } else {
                future.complete(result);
            }
        }
    }
}
