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
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Hands committed charge events to the billing hooks on a thread of its own, retrying with back-off while a
 * hook fails, and removes them from {@link PendingCharges} once accepted. Memory is bounded: at most
 * {@code capacity} events are held here; past that an event waits only in the store, where its commit already put
 * it, and is read back in pages once the hooks have caught up. Events left at a stop or a crash are found in the
 * store at the next start the same way. Every event is claimed once by id, so none goes to the hooks twice in a run.
 */
public final class ChargeDispatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChargeDispatcher.class);
    private static final int MAX_BATCH = 1000;
    private static final long MAX_BACKOFF_MS = 30_000;
    /** Events held in memory by default: about 20 MB. */
    public static final int DEFAULT_CAPACITY = 100_000;

    private final Store store;
    private final BillingHooks hooks;
    private final int capacity;
    private final LinkedBlockingQueue<ChargeEvent> queue = new LinkedBlockingQueue<>();
    /** Ids held here: queued, in the batch, or delivered and not yet removed from the store. */
    private final Set<String> claimed = ConcurrentHashMap.newKeySet();
    /** Set when an event stayed in the store only (at start, or past capacity): it is read back when there is room. */
    private final AtomicBoolean inStoreOnly = new AtomicBoolean(true);
    private final Thread thread;
    private volatile boolean running = true;
    private final FaultLog hookFault = new FaultLog(LOG, "billing hooks (charge events wait in the store)");
    private final FaultLog removalFault = new FaultLog(LOG, "removal of delivered charge events");
    /** Ids the hooks accepted whose removal from the store failed; tried again with the next batch or when idle. */
    private final List<String> unremoved = new ArrayList<>();
    private CompletableFuture<?> removing = CompletableFuture.completedFuture(null);

    public ChargeDispatcher(Store store, BillingHooks hooks) {
        this(store, hooks, DEFAULT_CAPACITY);
    }

    public ChargeDispatcher(Store store, BillingHooks hooks, int capacity) {
        this.store = store;
        this.hooks = hooks;
        this.capacity = capacity;
        int left = store.size(PendingCharges.TABLE);
        if (left > 0) {
            LOG.info("{} charge events from before the last stop are delivered again", left);
        }
        thread = new Thread(this::loop, "billing-dispatcher");
        thread.setDaemon(true);
        thread.start();
    }

    /** Takes events whose commit is durable; past capacity they stay in the store and are read back later. */
    public void offer(List<ChargeEvent> events) {
        for (ChargeEvent e : events) {
            if (claimed.size() >= capacity) {
                inStoreOnly.set(true);
            } else if (claimed.add(e.id())) {
                queue.add(e);
            }
        }
    }

    private void loop() {
        List<ChargeEvent> batch = new ArrayList<>();
        long backoff = 100;
        while (running || !batch.isEmpty() || !queue.isEmpty()) {
            try {
                if (batch.isEmpty()) {
                    if (queue.isEmpty() && inStoreOnly.get()) {
                        readBack();
                    }
                    ChargeEvent first = queue.poll(100, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        removeUnremoved();
                        continue;
                    }
                    batch.add(first);
                    queue.drainTo(batch, MAX_BATCH - 1);
                }
                hooks.accept(batch);
                hookFault.ok();
                remove(batch.stream().map(ChargeEvent::id).toList());
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

    /** Takes a page of the events that wait in the store only, oldest first; a store fault leaves them for later. */
    private void readBack() {
        inStoreOnly.set(false);
        int room = capacity - claimed.size();
        if (room <= 0) {
            inStoreOnly.set(true);
            return;
        }
        List<ChargeEvent> page;
        try {
            page = new ArrayList<>(store.claim(PendingCharges.TABLE, room, claimed));
        } catch (RuntimeException e) {
            inStoreOnly.set(true);
            sleep(1_000);
            return;
        }
        if (page.size() >= room) {
            inStoreOnly.set(true); // a full page: there may be more
        }
        page.sort(Comparator.comparing(ChargeEvent::at));
        queue.addAll(page);
    }

    /** Removes delivered events; a removal the store refuses is tried again, so the hooks never see them again. */
    private void remove(List<String> delivered) {
        List<String> ids = new ArrayList<>(delivered);
        synchronized (unremoved) {
            ids.addAll(unremoved);
            unremoved.clear();
        }
        CompletableFuture<?> done = store.submit(tx -> {
            ids.forEach(id -> tx.remove(PendingCharges.TABLE, id));
            return null;
        }).whenComplete((ok, error) -> {
            if (error == null) {
                removalFault.ok();
                ids.forEach(claimed::remove);
                return;
            }
            removalFault.failed(ids.size() + " delivered charge events stay pending: " + FaultLog.describe(error));
            synchronized (unremoved) {
                unremoved.addAll(ids);
            }
        });
        synchronized (unremoved) {
            removing = done;
        }
    }

    /** Tries the failed removals again once the last attempt has ended. */
    private void removeUnremoved() {
        synchronized (unremoved) {
            if (unremoved.isEmpty() || !removing.isDone()) {
                return;
            }
        }
        remove(List.of());
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Delivers what is queued (waiting at most a few seconds), tries the failed removals once more, and stops. */
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
        } else {
            removeUnremoved();
            try {
                removing.get(2, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.warn("{} delivered charge events could not be removed at stop and go to the hooks again at the next start",
                        unremoved.size());
            }
        }
        hooks.close();
    }
}
