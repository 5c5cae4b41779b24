package org.starhash.gateway.bench;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the connections of one run count, shared between their event loops and the reporting thread.
 * A transaction is measured when it was due after the warm-up; its latency runs from when it was due (open
 * loop) or sent (closed loop) to when both its response and its reply have arrived.
 */
final class Tally {

    /** The status recorded for a transaction that got no answer in time. */
    static final int TIMEOUT = -1;

    private final Recorder live = new Recorder(3);
    private final Recorder measured = new Recorder(3);
    private final LongAdder liveDone = new LongAdder();
    private final LongAdder liveErrors = new LongAdder();
    private final LongAdder measuredDone = new LongAdder();
    private final Map<Integer, LongAdder> errors = new ConcurrentHashMap<>();
    private final LongAdder strays = new LongAdder();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong permits;
    private final AtomicLong transactions = new AtomicLong();
    private volatile long measureFrom = Long.MAX_VALUE;
    private volatile long measureUntil = Long.MAX_VALUE;

    Tally(long count) {
        this.permits = new AtomicLong(count > 0 ? count : Long.MAX_VALUE);
    }

    void measureFrom(long nanos) {
        measureFrom = nanos;
    }

    void measureUntil(long nanos) {
        measureUntil = nanos;
    }

    /** Whether a transaction due at this time is measured: it was due after the warm-up. */
    boolean measures(long dueNanos) {
        return dueNanos >= measureFrom;
    }

    /** Takes one of the measured transactions a count-limited run may start; false once they are all taken. */
    boolean takePermit() {
        return permits.getAndDecrement() > 0;
    }

    /** Counts a transaction that starts and returns its number over all connections, from 0. */
    long started() {
        inFlight.incrementAndGet();
        return transactions.getAndIncrement();
    }

    void done(boolean measuredTx, long dueNanos, long nowNanos, int status) {
        inFlight.decrementAndGet();
        long micros = Math.max(1, (nowNanos - dueNanos) / 1000);
        live.recordValue(micros);
        liveDone.increment();
        if (status != 0) {
            liveErrors.increment();
        }
        if (measuredTx && nowNanos <= measureUntil) {
            measured.recordValue(micros);
            measuredDone.increment();
            if (status != 0) {
                errors.computeIfAbsent(status, s -> new LongAdder()).increment();
            }
        }
    }

    void stray() {
        strays.increment();
    }

    int inFlight() {
        return inFlight.get();
    }

    long measuredDone() {
        return measuredDone.sum();
    }

    long strays() {
        return strays.sum();
    }

    /** Latencies since the last call, for the progress line. */
    Histogram liveInterval() {
        return live.getIntervalHistogram();
    }

    long liveDoneAndReset() {
        return liveDone.sumThenReset();
    }

    long liveErrorsAndReset() {
        return liveErrors.sumThenReset();
    }

    Histogram measured() {
        return measured.getIntervalHistogram();
    }

    Map<Integer, Long> errors() {
        Map<Integer, Long> copy = new TreeMap<>();
        errors.forEach((status, n) -> copy.put(status, n.sum()));
        return copy;
    }
}
