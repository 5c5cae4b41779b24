package org.starhash.gateway.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The thread that completes the futures of decided batches, so that what callers chain on a commit (dialogue
 * bookkeeping, handing charges and messages on, writing replies) never runs on the writer, which decides and
 * commits only. Batches complete in the order the writer finished them. The queue is bounded: a writer that
 * runs ahead of its completions waits, so memory stays bounded however slow the callers' stages are.
 */
final class Completions implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Store.class);
    private static final int BATCHES = 64;
    private static final List<Runnable> STOP = List.of();

    private final BlockingQueue<List<? extends Runnable>> queue = new ArrayBlockingQueue<>(BATCHES);
    private final Thread thread;

    Completions() {
        thread = new Thread(this::loop, "store-completions");
        thread.start();
    }

    /** Whether the calling thread is the completions thread, which must never wait for the store. */
    boolean isCurrentThread() {
        return Thread.currentThread() == thread;
    }

    /** Completes these once the batches before them are; waits while the queue is full. */
    void complete(List<? extends Runnable> batch) throws InterruptedException {
        if (!batch.isEmpty()) {
            queue.put(List.copyOf(batch));
        }
    }

    private void loop() {
        while (true) {
            List<? extends Runnable> batch;
            try {
                batch = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (batch == STOP) {
                return;
            }
            for (Runnable completion : batch) {
                try {
                    completion.run();
                } catch (RuntimeException | Error e) {
                    // A caller's stage that throws fails only its own future; the rest still complete.
                    LOG.error("a stage after a store commit failed", e);
                }
            }
        }
    }

    /** Completes what is queued, then stops. */
    @Override
    public void close() {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                queue.put(STOP);
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true; // the queued completions must still run before the store closes
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
