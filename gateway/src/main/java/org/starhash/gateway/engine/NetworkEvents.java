package org.starhash.gateway.engine;

import org.starhash.gateway.config.GatewayConfig;
import org.starhash.gateway.services.Decision;
import org.starhash.gateway.services.Invocation;
import org.starhash.gateway.services.MissedCallService;
import org.starhash.gateway.store.BarringPin;
import org.starhash.gateway.store.Numbering;
import org.starhash.gateway.store.Store;
import org.starhash.gateway.store.Subscriber;
import org.starhash.gateway.store.Tx;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Events about a subscriber that no request of theirs carries (SERVICES.md §5): what the network or the operator
 * reports, and a question the subscriber left unanswered. Each is decided in one store transaction like a
 * request, its SMS go through the outbox, and the result says what was done.
 */
public final class NetworkEvents {

    /** Makes an invocation for a subscriber at this moment. */
    interface Invocations {
        Invocation make(String msisdn, String to, String code, String procedure, List<String> args);
    }

    /**
     * What became of an event.
     *
     * @param known  the subscriber is one of the network
     * @param result what was done, a word for the admin API (kept, sent, none, hidden_number, ...)
     */
    public record Result(boolean known, String result) {
    }

    private final Store store;
    private final Numbering numbering;
    private final MissedCallService missedCalls;
    private final Invocations invocations;
    private final Consumer<Effects> handOn;
    private final Duration questionTimeout;

    NetworkEvents(GatewayConfig config, Store store, Invocations invocations, Consumer<Effects> handOn) {
        this.store = store;
        this.questionTimeout = config.ussd().dialogueTimeout();
        this.numbering = config.numbering();
        this.missedCalls = new MissedCallService(config.texts(), config.numbering(), config.services(), config.zone());
        this.invocations = invocations;
        this.handOn = handOn;
    }

    /** The numbering plan callers' numbers are read with. */
    public Numbering numbering() {
        return numbering;
    }

    /**
     * A call to an unreachable subscriber.
     *
     * @param callee normalized
     * @param caller normalized, ignored when hidden
     */
    public CompletableFuture<Result> missedCall(String callee, String caller, boolean hidden) {
        return decide(callee, (call, s, tx) -> missedCalls.missed(s, caller, hidden, call.now(), tx));
    }

    /** A subscriber is reachable again. */
    public CompletableFuture<Result> reachable(String msisdn) {
        return decide(msisdn, (call, s, tx) -> missedCalls.reachable(s, call.id("missed", 0), call.now(), tx));
    }

    /** The operator resets a subscriber's barring PIN to the default and unlocks barring changes. */
    public CompletableFuture<Result> resetBarringPin(String msisdn) {
        return store.submit(tx -> {
            if (tx.subscriber(msisdn).isEmpty()) {
                return new Result(false, "unknown");
            }
            tx.remove(BarringPin.TABLE, msisdn);
            return new Result(true, "reset");
        });
    }

    /** A decision about a subscriber, made on the store's writer. */
    interface Decide {
        Decision apply(Invocation call, Subscriber subscriber, Tx tx);
    }

    /** Decides about a subscriber in one transaction and hands the effects on once durable. */
    CompletableFuture<Result> decide(String msisdn, Decide decide) {
        Invocation call = invocations.make(msisdn, "", "", "", List.of());
        record Done(Result result, Effects effects) {
        }
        return store.submit(tx -> {
            Optional<Subscriber> s = tx.subscriber(msisdn);
            if (s.isEmpty()) {
                return new Done(new Result(false, "unknown"), Effects.NONE);
            }
            Decision decision = decide.apply(call, s.get(), tx);
            Effects effects = Effects.apply(decision, call, tx, questionTimeout);
            effects.store(tx);
            return new Done(new Result(true, decision.text()), effects);
        }).thenApply(done -> {
            handOn.accept(done.effects());
            return done.result();
        });
    }
}
