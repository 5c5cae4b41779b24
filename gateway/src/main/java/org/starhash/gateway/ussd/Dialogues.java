package org.starhash.gateway.ussd;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The open USSD dialogues, one per handset. A dialogue idle longer than the timeout is gone: an answer to it
 * finds nothing, and a sweep drops its state. Dialogues live in memory only; after a restart a handset dials
 * again, as it would after any network break of a USSD dialogue.
 */
public final class Dialogues implements AutoCloseable {

    private final Map<String, Dialogue> open = new ConcurrentHashMap<>();
    private final Duration timeout;
    private final Clock clock;
    private final ScheduledExecutorService sweeper;
    private volatile Consumer<Dialogue> abandoned = d -> { };

    public Dialogues(Duration timeout, Clock clock) {
        this.timeout = timeout;
        this.clock = clock;
        this.sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ussd-dialogue-sweep");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(1, timeout.toMillis() / 4);
        sweeper.scheduleWithFixedDelay(this::sweep, every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * Who hears of a dialogue that ended without its last answer: timed out, or replaced by another dialogue of
     * the same handset.
     */
    public void onAbandoned(Consumer<Dialogue> listener) {
        abandoned = listener;
    }

    /** The handset's open dialogue, unless it timed out (then it is dropped). */
    public Optional<Dialogue> of(String msisdn) {
        Dialogue d = open.get(msisdn);
        if (d != null && expired(d)) {
            drop(d);
            return Optional.empty();
        }
        return Optional.ofNullable(d);
    }

    /** A new dialogue, replacing any open one of the same handset. */
    public void start(Dialogue dialogue) {
        Dialogue replaced = open.put(dialogue.msisdn(), dialogue);
        if (replaced != null) {
            abandoned.accept(replaced);
        }
    }

    /** Moves a dialogue on, unless the handset started another one in the meantime. */
    public void advance(Dialogue before, Dialogue after) {
        open.replace(before.msisdn(), before, after);
    }

    /** Ends a dialogue, unless the handset started another one in the meantime. */
    public void end(Dialogue dialogue) {
        open.remove(dialogue.msisdn(), dialogue);
    }

    /** Ends whatever dialogue the handset has open. */
    public void endAny(String msisdn) {
        Dialogue ended = open.remove(msisdn);
        if (ended != null) {
            abandoned.accept(ended);
        }
    }

    /** How many are open. */
    public int size() {
        return open.size();
    }

    /** Drops every dialogue that timed out. */
    public void sweep() {
        open.values().stream().filter(this::expired).toList().forEach(this::drop);
    }

    private void drop(Dialogue d) {
        if (open.remove(d.msisdn(), d)) {
            abandoned.accept(d);
        }
    }

    private boolean expired(Dialogue d) {
        return Duration.between(d.lastActive(), clock.instant()).compareTo(timeout) > 0;
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
    }
}
