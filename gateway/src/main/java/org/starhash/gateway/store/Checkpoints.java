package org.starhash.gateway.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.starhash.gateway.faults.FaultLog;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * When checkpoints run and what follows one: started by the writer when due, written into the state files on a
 * thread of their own, settled by the writer (the overlay's frozen changes forgotten or given back, the journal
 * released), and retried with back-off when one fails. All but {@link #request} is called on the writer thread.
 */
final class Checkpoints {

    private static final Logger LOG = LoggerFactory.getLogger(Store.class);
    /** Changed keys that start a checkpoint before its time, bounding the overlay's memory. */
    static final int MAX_OVERLAY = 500_000;
    private static final long RETRY_MIN_NANOS = 1_000_000_000L;
    private static final long RETRY_MAX_NANOS = 60_000_000_000L;

    private final StoreSettings settings;
    private final Overlay overlay;
    private final Generations state;
    private final Journal journal;
    private final AtomicLong completed = new AtomicLong();
    private final FaultLog checkpointFault = new FaultLog(LOG, "store checkpoint (the journal keeps every change)");
    private final FaultLog releaseFault = new FaultLog(LOG, "store removal of old journal segments");
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> new Thread(r, "store-checkpoint"));
    private final ConcurrentLinkedQueue<CompletableFuture<Boolean>> requests = new ConcurrentLinkedQueue<>();
    private long lastNanos = System.nanoTime();
    private long nextNanos;
    private long backoffNanos = RETRY_MIN_NANOS;
    private Future<?> running;
    private long runningSeq;

    Checkpoints(StoreSettings settings, Overlay overlay, Generations state, Journal journal) {
        this.settings = settings;
        this.overlay = overlay;
        this.state = state;
        this.journal = journal;
    }

    /** A checkpoint now, whatever the schedule, answered at the writer's next turn; any thread. */
    CompletableFuture<Boolean> request() {
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        requests.add(done);
        return done;
    }

    long completed() {
        return completed.get();
    }

    boolean running() {
        return running != null;
    }

    /**
     * Moves checkpoints on: settles a finished one, and starts one when it is time (or the overlay is large) and
     * no failed one is waiting out its back-off; forced, it waits for the one it starts.
     */
    void tick(boolean force) {
        if (running != null) {
            if (!running.isDone() && !force) {
                return;
            }
            settle();
        }
        long now = System.nanoTime();
        long last = journal.lastSeq();
        boolean due = now - lastNanos >= settings.checkpointInterval().toNanos() || overlay.size() >= MAX_OVERLAY;
        if (last == state.currentSeq() || !(force || due) || (!force && now < nextNanos)) {
            return;
        }
        Map<TableKey, byte[]> older = overlay.older();
        Map<TableKey, byte[]> flushing = overlay.beginFlush();
        runningSeq = last;
        running = writer.submit(() -> {
            state.checkpoint(older, flushing, last);
            return null;
        });
        if (force) {
            settle();
        }
    }

    /** Answers the requests made before this call with a forced checkpoint: whether the state files hold everything. */
    void answerRequests() {
        if (requests.isEmpty()) {
            return;
        }
        List<CompletableFuture<Boolean>> answered = new ArrayList<>();
        CompletableFuture<Boolean> request;
        while ((request = requests.poll()) != null) {
            answered.add(request);
        }
        tick(true);
        boolean whole = journal.lastSeq() == state.currentSeq();
        answered.forEach(r -> r.complete(whole));
    }

    private void settle() {
        boolean interrupted = false;
        try {
            running.get();
            overlay.endFlush();
            completed.incrementAndGet();
            checkpointFault.ok();
            backoffNanos = RETRY_MIN_NANOS;
            lastNanos = System.nanoTime();
            try {
                journal.releaseUpTo(state.oldestNeeded());
                releaseFault.ok();
            } catch (IOException | RuntimeException e) {
                releaseFault.failed(e);
            }
        } catch (InterruptedException e) {
            interrupted = true;
            overlay.abortFlush();
        } catch (ExecutionException e) {
            overlay.abortFlush();
            checkpointFault.failed("checkpoint of sequence " + runningSeq + ": " + FaultLog.describe(e.getCause())
                    + "; retried in " + backoffNanos / 1_000_000 + " ms");
            nextNanos = System.nanoTime() + backoffNanos;
            backoffNanos = Math.min(backoffNanos * 2, RETRY_MAX_NANOS);
        }
        running = null;
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** One last checkpoint at a stop, so the next start replays little; if it fails the journal is replayed. */
    void finish(boolean journalWritable) {
        try {
            if (running != null) {
                settle();
            }
            if (journalWritable) {
                tick(true);
            }
        } catch (RuntimeException e) {
            LOG.warn("store could not write its final checkpoint; the journal is replayed at the next start: {}",
                    FaultLog.describe(e));
        }
        if (checkpointFault.failing()) {
            LOG.warn("store stopped with its checkpoint failing; the journal is replayed at the next start");
        }
    }

    /** After the writer stopped: refuses what was still asked and stops the checkpoint thread. */
    void close() {
        requests.forEach(r -> r.complete(false));
        writer.shutdown();
        try {
            writer.awaitTermination(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
