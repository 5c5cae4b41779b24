package org.starhash.gateway.outbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.starhash.gateway.config.OutboxSettings;
import org.starhash.gateway.faults.FaultLog;
import org.starhash.gateway.store.Outbox;
import org.starhash.gateway.store.Store;
import org.starhash.gateway.values.OutboxMessage;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Delivers the outbox: at most a window of messages in flight, a failed one retried after a wait that doubles up
 * to a limit, one with no connection to go by parked until a connection comes up, and each removed from the store
 * only after a positive response. Messages still in the store at a start (a stop or a crash came first) are sent
 * again, so the network may see one twice but never misses one.
 */
public final class OutboxDispatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxDispatcher.class);
    /** How often parked messages are tried even without news of a connection. */
    private static final Duration PARKED_RETRY = Duration.ofSeconds(5);

    private final Store store;
    private final OutboxSettings settings;
    private final Clock clock;
    private final ScheduledExecutorService worker;
    /** Only touched on the worker thread. */
    private final PriorityQueue<Pending> due = new PriorityQueue<>(Pending.ORDER);
    /** Urgent messages (one-time codes), sent before any of {@link #due} once due themselves; worker thread only. */
    private final PriorityQueue<Pending> urgent = new PriorityQueue<>(Pending.ORDER);
    private final List<Pending> parked = new ArrayList<>();
    private Courier courier;
    private int inFlight;
    private ScheduledFuture<?> wakeUp;
    private final FaultLog removalFault = new FaultLog(LOG, "removal of delivered outbox messages");
    private final FaultLog deliveryFault = FaultLog.ofPeers(LOG, "outbox deliveries failing (each is tried again)");
    /** Messages held in memory at most; the rest wait in the store only and are read back in pages. */
    private final int capacity;
    /** Ids held here: due, parked, in flight, or being removed. */
    private final Set<String> claimed = ConcurrentHashMap.newKeySet();
    /** Some messages wait in the store only (at start, or past capacity); set on the worker, read by removals too. */
    private volatile boolean inStoreOnly = true;
    /** A read-back is queued on the worker: removals that free room ask for one once, not each. */
    private final AtomicBoolean readBackAsked = new AtomicBoolean();

    /**
     * One message with its delivery history; {@code seq} keeps messages due at once in the order they came, which a
     * priority queue alone does not.
     */
    private record Pending(OutboxMessage message, int failures, long dueNanos, long seq) {
        private static final java.util.concurrent.atomic.AtomicLong NEXT = new java.util.concurrent.atomic.AtomicLong();
        static final Comparator<Pending> ORDER = Comparator.comparingLong(Pending::dueNanos).thenComparingLong(Pending::seq);

        Pending(OutboxMessage message, int failures, long dueNanos) {
            this(message, failures, dueNanos, NEXT.getAndIncrement());
        }
    }

    /** Messages held in memory by default: about 30 MB. */
    public static final int DEFAULT_CAPACITY = 100_000;

    public OutboxDispatcher(Store store, OutboxSettings settings, Clock clock) {
        this(store, settings, clock, DEFAULT_CAPACITY);
    }

    /** Reads what the store still holds as it has room; nothing is sent before {@link #start}. */
    public OutboxDispatcher(Store store, OutboxSettings settings, Clock clock, int capacity) {
        this.store = store;
        this.settings = settings;
        this.clock = clock;
        this.capacity = capacity;
        this.worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "outbox");
            t.setDaemon(true);
            return t;
        });
        int left = store.size(Outbox.TABLE);
        if (left > 0) {
            LOG.info("{} messages left in the outbox from before; sending them again", left);
        }
    }

    /** Starts sending through a courier. */
    public void start(Courier newCourier) {
        worker.execute(() -> {
            courier = newCourier;
            pump();
        });
        newCourier.onReady(() -> worker.execute(this::unpark));
    }

    /** Takes messages that are durable in the outbox. */
    public void offer(List<OutboxMessage> messages) {
        if (messages.isEmpty() || worker.isShutdown()) {
            return; // stopping: they wait in the store for the next start
        }
        try {
            worker.execute(() -> {
                long now = System.nanoTime();
                for (OutboxMessage m : messages) {
                    if (claimed.size() >= capacity) {
                        inStoreOnly = true;
                    } else if (claimed.add(m.id())) {
                        enqueue(new Pending(m, 0, now));
                    }
                }
                pump();
            });
        } catch (RejectedExecutionException stopping) {
            // stopped meanwhile: they wait in the store for the next start
        }
    }

    /** Takes a page of the messages that wait in the store only, oldest first, once half the room is free. */
    private void readBack() {
        int room = capacity - claimed.size();
        if (room < capacity / 2) {
            return;
        }
        inStoreOnly = false;
        List<OutboxMessage> page;
        try {
            page = new ArrayList<>(store.claim(Outbox.TABLE, room, claimed));
        } catch (RuntimeException e) {
            inStoreOnly = true; // tried again at the next wake-up
            return;
        }
        if (page.size() >= room) {
            inStoreOnly = true;
        }
        page.sort(Comparator.comparing(OutboxMessage::created).thenComparing(OutboxMessage::id));
        long now = System.nanoTime();
        page.forEach(m -> enqueue(new Pending(m, 0, now)));
    }

    private void enqueue(Pending p) {
        (p.message().urgent() ? urgent : due).add(p);
    }

    /** The next message due now, urgent ones first; null when none is. */
    private Pending nextDue(long now) {
        if (!urgent.isEmpty() && urgent.peek().dueNanos() <= now) {
            return urgent.poll();
        }
        return !due.isEmpty() && due.peek().dueNanos() <= now ? due.poll() : null;
    }

    private void pump() {
        if (courier == null) {
            return;
        }
        if (inStoreOnly) {
            readBack();
        }
        long now = System.nanoTime();
        Pending next;
        while (inFlight < settings.window() && (next = nextDue(now)) != null) {
            Pending p = next;
            if (p.message().expiredAt(clock.instant())) {
                LOG.info("outbox message {} to {} expired unsent", p.message().id(), p.message().to());
                remove(p.message());
                continue;
            }
            inFlight++;
            courier.send(p.message()).whenComplete((result, error) -> worker.execute(() -> {
                inFlight--;
                settle(p, error == null ? result : Courier.Result.FAILED);
                pump();
            }));
        }
        schedule();
    }

    private void settle(Pending p, Courier.Result result) {
        switch (result) {
            case DELIVERED -> {
                deliveryFault.ok();
                remove(p.message());
            }
            case NO_ROUTE -> parked.add(p);
            case FAILED -> {
                int failures = p.failures() + 1;
                long wait = Math.min(settings.retryMax().toNanos(),
                        settings.retryMin().toNanos() << Math.min(failures - 1, 30));
                deliveryFault.failed("message " + p.message().id() + " to " + p.message().to() + " failed " + failures
                        + " time(s); next try in " + TimeUnit.NANOSECONDS.toSeconds(wait) + " s");
                enqueue(new Pending(p.message(), failures, System.nanoTime() + wait));
            }
        }
    }

    private void unpark() {
        long now = System.nanoTime();
        parked.forEach(p -> enqueue(new Pending(p.message(), p.failures(), now)));
        parked.clear();
        pump();
    }

    /** Wakes the worker when the next message is due, or to try parked ones again. */
    private void schedule() {
        if (wakeUp != null) {
            wakeUp.cancel(false);
        }
        long next = Math.min(due.isEmpty() ? Long.MAX_VALUE : due.peek().dueNanos(),
                urgent.isEmpty() ? Long.MAX_VALUE : urgent.peek().dueNanos());
        long delay = next == Long.MAX_VALUE || inFlight >= settings.window() ? Long.MAX_VALUE
                : Math.max(0, next - System.nanoTime());
        if (!parked.isEmpty() || inStoreOnly) {
            delay = Math.min(delay, PARKED_RETRY.toNanos());
        }
        if (delay != Long.MAX_VALUE) {
            wakeUp = worker.schedule(parked.isEmpty() ? this::pump : this::unpark, delay, TimeUnit.NANOSECONDS);
        }
    }

    private void remove(OutboxMessage m) {
        store.submit(tx -> {
            tx.remove(Outbox.TABLE, m.id());
            return null;
        }).whenComplete((ok, e) -> {
            if (e == null) {
                removalFault.ok();
                claimed.remove(m.id());
                if (inStoreOnly && claimed.size() <= capacity / 2 && readBackAsked.compareAndSet(false, true)
                        && !worker.isShutdown()) {
                    worker.execute(() -> {
                        readBackAsked.set(false);
                        pump();
                    });
                }
                return;
            }
            // Tried again later, so a passing store fault does not make it go out twice at the next start.
            removalFault.failed("outbox message " + m.id() + " was delivered but stays stored: " + FaultLog.describe(e));
            if (!worker.isShutdown()) {
                worker.schedule(() -> remove(m), PARKED_RETRY.toSeconds(), TimeUnit.SECONDS);
            }
        });
    }

    @Override
    public void close() {
        worker.shutdownNow();
        try {
            worker.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
