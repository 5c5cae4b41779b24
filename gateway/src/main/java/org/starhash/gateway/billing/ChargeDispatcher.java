package org.starhash.gateway.billing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.starhash.billing.BillingHooks;
import org.starhash.billing.ChargeEvent;
import org.starhash.gateway.faults.FaultLog;
import org.starhash.gateway.store.Store;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Hands committed charge events to the billing hooks on a thread of its own, retrying with back-off while a
 * hook fails, and removes them from {@link PendingCharges} once accepted. Events left at a stop or a crash are
 * found in the store at the next start and delivered again.
 */
public final class ChargeDispatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChargeDispatcher.class);
    private static final int MAX_BATCH = 1000;
    private static final long MAX_BACKOFF_MS = 30_000;

    private final Store store;
    private final BillingHooks hooks;
    private final LinkedBlockingQueue<ChargeEvent> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean running = true;
    private final FaultLog hookFault = new FaultLog(LOG, "billing hooks (charge events wait in the store)");
    private final FaultLog removalFault = new FaultLog(LOG, "removal of delivered charge events");
    /** Ids the hooks accepted whose removal from the store failed; tried again with the next batch. */
    private final List<String> unremoved = new ArrayList<>();

    public ChargeDispatcher(Store store, BillingHooks hooks) {
        this.store = store;
        this.hooks = hooks;
        List<ChargeEvent> left = new ArrayList<>();
        store.forEach(PendingCharges.TABLE, (id, event) -> left.add(event));
        left.sort(Comparator.comparing(ChargeEvent::at));
        if (!left.isEmpty()) {
            LOG.info("{} charge events from before the last stop are delivered again", left.size());
        }
        queue.addAll(left);
        thread = new Thread(this::loop, "billing-dispatcher");
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues events whose commit is durable. */
    public void offer(List<ChargeEvent> events) {
        queue.addAll(events);
    }

    private void loop() {
        List<ChargeEvent> batch = new ArrayList<>();
        long backoff = 100;
        while (running || !batch.isEmpty() || !queue.isEmpty()) {
            try {
                if (batch.isEmpty()) {
                    ChargeEvent first = queue.poll(100, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    batch.add(first);
                    queue.drainTo(batch, MAX_BATCH - 1);
                }
                hooks.accept(batch);
                hookFault.ok();
                List<String> ids = new ArrayList<>(batch.stream().map(ChargeEvent::id).toList());
                synchronized (unremoved) {
                    ids.addAll(unremoved);
                    unremoved.clear();
                }
                remove(ids);
                batch.clear();
                backoff = 100;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (IOException | RuntimeException e) {
                if (!running) {
                    LOG.warn("billing hooks failed at stop; {} charge events stay pending for the next start", batch.size());
                    return;
                }
                hookFault.failed(batch.size() + " charge events, retried in " + backoff + " ms: " + FaultLog.describe(e));
                sleep(backoff);
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
            }
        }
    }

    /**
     * Forgets delivered events; a removal the store refuses is tried again with the next batch, so that a
     * passing store fault does not make the hooks see them again at the next start.
     */
    private void remove(List<String> ids) {
        store.submit(tx -> {
            ids.forEach(id -> tx.remove(PendingCharges.TABLE, id));
            return null;
        }).whenComplete((ok, error) -> {
            if (error == null) {
                removalFault.ok();
                return;
            }
            removalFault.failed(ids.size() + " delivered charge events stay pending: " + FaultLog.describe(error));
            synchronized (unremoved) {
                if (unremoved.size() < 1_000_000) {
                    unremoved.addAll(ids);
                }
            }
        });
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Delivers what is queued (waiting at most a few seconds) and stops; the rest stays pending in the store. */
    @Override
    public void close() throws IOException {
        running = false;
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            thread.interrupt();
        }
        hooks.close();
    }
}
