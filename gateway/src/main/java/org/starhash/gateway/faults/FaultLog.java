package org.starhash.gateway.faults;

import org.slf4j.Logger;

import java.util.function.LongSupplier;

/**
 * The log lines of one kind of fault: one when it starts, a reminder with a count at most once a minute while
 * it lasts, and one when it ends, so a fault that lasts an hour writes a few dozen lines and no stack traces.
 */
public final class FaultLog {

    private static final long REMINDER_NANOS = 60_000_000_000L;

    private final Logger log;
    private final String what;
    private final LongSupplier nanos;
    private volatile boolean failing;
    private long since;
    private long lastLine;
    private long total;
    private long sinceLine;
    private String last;

    public FaultLog(Logger log, String what) {
        this(log, what, System::nanoTime);
    }

    public FaultLog(Logger log, String what, LongSupplier nanos) {
        this.log = log;
        this.what = what;
        this.nanos = nanos;
    }

    /** Notes one failure; logs it only when the fault starts or a reminder is due. */
    public synchronized void failed(Throwable cause) {
        failed(describe(cause));
    }

    public synchronized void failed(String detail) {
        long now = nanos.getAsLong();
        total++;
        sinceLine++;
        last = detail;
        if (!failing) {
            failing = true;
            since = now;
            lastLine = now;
            sinceLine = 0;
            log.error("{} failed: {}", what, detail);
        } else if (now - lastLine >= REMINDER_NANOS) {
            log.warn("{} still failing: {} more times in the last {} s, {} since it started; last: {}", what, sinceLine,
                    (now - lastLine) / 1_000_000_000L, total, last);
            lastLine = now;
            sinceLine = 0;
        }
    }

    /** Notes a success; logs once that the fault is over. */
    public void ok() {
        if (failing) {
            end();
        }
    }

    private synchronized void end() {
        if (failing) {
            failing = false;
            log.info("{} works again after {} failures in {} s", what, total, (nanos.getAsLong() - since) / 1_000_000_000L);
            total = 0;
        }
    }

    public boolean failing() {
        return failing;
    }

    /** The exception and its causes in one line, without a stack trace. */
    public static String describe(Throwable cause) {
        StringBuilder line = new StringBuilder();
        for (Throwable t = cause; t != null && line.length() < 500; t = t.getCause()) {
            if (line.length() > 0) {
                line.append(" <- ");
            }
            line.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage());
            if (t.getCause() == t) {
                break;
            }
        }
        return line.toString();
    }
}
