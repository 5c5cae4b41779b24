package org.starhash.gateway.faults;

import org.slf4j.Logger;

import java.util.function.LongSupplier;

/**
 * The log lines of one kind of fault: one when it starts, a reminder with a count at most once a minute while
 * it lasts, and one when it has ended, so a fault that lasts an hour writes a few dozen lines and no stack
 * traces. A fault that comes back within a few seconds of a success (a disk that is nearly full lets a small
 * write through) is the same fault going on, not a new one.
 */
public final class FaultLog {

    private static final long REMINDER_NANOS = 60_000_000_000L;
    /** How long successes must last before the fault counts as ended. */
    private static final long SETTLE_NANOS = 10_000_000_000L;

    private final Logger log;
    private final String what;
    private final LongSupplier nanos;
    /** A fault of the network or a peer, not of the gateway: its start is a warning, not an error. */
    private final boolean peers;
    /** Failing now, or succeeded for less than the settle time since it last failed. */
    private volatile boolean open;
    private boolean failing;
    private long since;
    private long lastFailure;
    private long lastLine;
    private long total;
    private long sinceLine;
    private String last;

    public FaultLog(Logger log, String what) {
        this(log, what, System::nanoTime);
    }

    public FaultLog(Logger log, String what, LongSupplier nanos) {
        this(log, what, nanos, false);
    }

    private FaultLog(Logger log, String what, LongSupplier nanos, boolean peers) {
        this.log = log;
        this.what = what;
        this.nanos = nanos;
        this.peers = peers;
    }

    /** For what peers or the network do (refused binds, connections over a limit, deliveries that fail): WARN, never ERROR. */
    public static FaultLog ofPeers(Logger log, String what) {
        return new FaultLog(log, what, System::nanoTime, true);
    }

    /** Notes one failure; logs it only when the fault starts or a reminder is due. */
    public void failed(Throwable cause) {
        failed(describe(cause));
    }

    public synchronized void failed(String detail) {
        long now = nanos.getAsLong();
        total++;
        sinceLine++;
        last = detail;
        lastFailure = now;
        failing = true;
        if (!open) {
            open = true;
            since = now;
            lastLine = now;
            sinceLine = 0;
            if (peers) {
                log.warn("{}: {}", what, printable(detail));
            } else {
                log.error("{} failed: {}", what, printable(detail));
            }
        } else if (now - lastLine >= REMINDER_NANOS) {
            log.warn(peers ? "{}: {} more in the last {} s, {} since it started; last: {}"
                            : "{} still failing: {} more times in the last {} s, {} since it started; last: {}", what,
                    sinceLine, (now - lastLine) / 1_000_000_000L, total, printable(last));
            lastLine = now;
            sinceLine = 0;
        }
    }

    /** Notes a success; once successes have lasted the settle time, logs once that the fault is over. Cheap when none is open. */
    public void ok() {
        if (open) {
            settle();
        }
    }

    private synchronized void settle() {
        long now = nanos.getAsLong();
        failing = false;
        if (open && now - lastFailure >= SETTLE_NANOS) {
            open = false;
            log.info(peers ? "{}: over, {} in {} s" : "{} works again after {} failures in {} s", what, total,
                    (lastFailure - since) / 1_000_000_000L + 1);
            total = 0;
        }
    }

    /** Whether a fault has started and not yet ended. */
    public boolean open() {
        return open;
    }

    /** Whether the last thing noted was a failure. */
    public synchronized boolean failing() {
        return failing;
    }

    /**
     * Text from outside (a peer's system_id, a file's row, a form field) made safe for one log line or answer:
     * control characters shown as {@code ?}, so nobody can forge a line.
     */
    public static String printable(String text) {
        return text == null ? "null" : text.replaceAll("\\p{Cntrl}", "?");
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
