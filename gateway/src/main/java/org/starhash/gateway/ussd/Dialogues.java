package org.starhash.gateway.ussd;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The open USSD dialogues, one per handset. A dialogue idle longer than the timeout is gone: an answer to it
 * finds nothing, and a sweep drops its state. Dialogues live in memory only; after a restart a handset dials
 * again, as it would after any network break of a USSD dialogue.
 *
 * <p>Every change returns the dialogue it ended without its last answer (replaced, ended, timed out), and calls
 * nobody: the engine settles what was left unanswered itself, so no transaction starts from inside another's path.
 */
public final class Dialogues {

    private final Map<String, Dialogue> open = new ConcurrentHashMap<>();
    private final Duration timeout;
    private final Clock clock;

    public Dialogues(Duration timeout, Clock clock) {
        this.timeout = timeout;
        this.clock = clock;
    }

    /** How long a dialogue may stay idle. */
    public Duration timeout() {
        return timeout;
    }

    /** The handset's open dialogue, unless it timed out. */
    public Optional<Dialogue> of(String msisdn) {
        return Optional.ofNullable(open.get(msisdn)).filter(d -> !expired(d));
    }

    /**
     * The handset's dialogue as an answer finds it, read once: open, or timed out (then dropped here, and returned
     * for its caller to settle).
     *
     * @param open    the open dialogue, if any
     * @param expired the one that timed out and was dropped, if any
     */
    public record Current(Optional<Dialogue> open, Optional<Dialogue> expired) {
    }

    /** Finds the handset's dialogue for an answer; see {@link Current}. */
    public Current current(String msisdn) {
        Dialogue d = open.get(msisdn);
        if (d == null) {
            return new Current(Optional.empty(), Optional.empty());
        }
        if (!expired(d)) {
            return new Current(Optional.of(d), Optional.empty());
        }
        return new Current(Optional.empty(), open.remove(msisdn, d) ? Optional.of(d) : Optional.empty());
    }

    /** A new dialogue; returns the open one of the same handset it replaced, if any. */
    public Optional<Dialogue> start(Dialogue dialogue) {
        return Optional.ofNullable(open.put(dialogue.msisdn(), dialogue));
    }

    /** Moves a dialogue on, unless the handset started another one in the meantime. */
    public void advance(Dialogue before, Dialogue after) {
        open.replace(before.msisdn(), before, after);
    }

    /** Ends a dialogue, unless the handset started another one in the meantime. */
    public void end(Dialogue dialogue) {
        open.remove(dialogue.msisdn(), dialogue);
    }

    /** Ends whatever dialogue the handset has open; returns it. */
    public Optional<Dialogue> endAny(String msisdn) {
        return Optional.ofNullable(open.remove(msisdn));
    }

    /** How many are open. */
    public int size() {
        return open.size();
    }

    /** Drops every dialogue that timed out; returns them. */
    public List<Dialogue> sweep() {
        return open.values().stream().filter(this::expired).filter(d -> open.remove(d.msisdn(), d)).toList();
    }

    private boolean expired(Dialogue d) {
        return Duration.between(d.lastActive(), clock.instant()).compareTo(timeout) > 0;
    }
}
