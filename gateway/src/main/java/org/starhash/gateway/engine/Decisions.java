package org.starhash.gateway.engine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.starhash.gateway.billing.ChargeDispatcher;
import org.starhash.gateway.faults.FaultLog;
import org.starhash.gateway.outbox.OutboxDispatcher;
import org.starhash.gateway.services.Decision;
import org.starhash.gateway.services.Invocation;
import org.starhash.gateway.services.Service;
import org.starhash.gateway.store.Store;
import org.starhash.gateway.store.Subscriber;
import org.starhash.gateway.store.Transaction;
import org.starhash.gateway.store.Tx;
import org.starhash.gateway.ussd.Dialogue;
import org.starhash.gateway.ussd.Dialogues;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The one way a decision about a subscriber runs, for requests and network events alike: it is made and applied
 * inside one store transaction on the writer; once that is durable (on the store's completion thread, never the
 * writer) the dialogue moves on, the effects are handed on, and a dialogue they replaced without its answer is
 * settled by a decision of its own. Nothing here calls back into who asked.
 */
final class Decisions {

    private static final Logger LOG = LoggerFactory.getLogger(Decisions.class);
    private final FaultLog settleFault = new FaultLog(LOG, "unanswered questions");

    private final Store store;
    private final ChargeDispatcher charges;
    private final OutboxDispatcher outbox;
    private final Dialogues dialogues;
    private final Map<String, Service> services;
    private final Invocations invocations;
    private final Duration questionTimeout;

    Decisions(Store store, ChargeDispatcher charges, OutboxDispatcher outbox, Dialogues dialogues,
              Map<String, Service> services, Invocations invocations) {
        this.store = store;
        this.charges = charges;
        this.outbox = outbox;
        this.dialogues = dialogues;
        this.services = Map.copyOf(services);
        this.invocations = invocations;
        this.questionTimeout = dialogues.timeout();
    }

    /** A decision about one subscriber, made on the store's writer. */
    interface Decide {
        Outcome apply(Subscriber subscriber, Tx tx);
    }

    /**
     * Decides for a subscriber in one transaction; completes once it is durable and handed on, empty when the
     * network has no such subscriber.
     *
     * @param before the dialogue the decision answers, which moves on or ends with it; null when none
     */
    CompletableFuture<Optional<Outcome>> decide(String msisdn, Dialogue before, Decide decide) {
        return store.submit(tx -> tx.subscriber(msisdn).map(s -> Objects.requireNonNull(decide.apply(s, tx), "outcome")),
                (outcome, error) -> {
                    if (error == null && outcome.isPresent()) {
                        Optional<Dialogue> next = outcome.get().dialogue();
                        if (next.isPresent() && before == null) {
                            dialogues.start(next.get()).ifPresent(this::settle);
                        } else if (next.isPresent()) {
                            dialogues.advance(before, next.get());
                        } else if (before != null) {
                            dialogues.end(before);
                        }
                        handOn(outcome.get().effects());
                    } else if (before != null) {
                        dialogues.end(before);
                    }
                });
    }

    /**
     * Decides in one transaction about no one subscriber (an alert to many); completes once it is durable and its
     * effects are handed on.
     */
    CompletableFuture<Outcome> commit(Transaction<Outcome> decide) {
        return commit(decide, Outcome::effects);
    }

    /** The same for a decision whose result carries more than an outcome; {@code effects} says what to hand on. */
    <T> CompletableFuture<T> commit(Transaction<T> decide, Function<T, Effects> effects) {
        return store.submit(tx -> Objects.requireNonNull(decide.run(tx), "outcome"), (done, error) -> {
            if (error == null) {
                handOn(effects.apply(done));
            }
        });
    }

    /** Hands durable effects on, and settles the dialogues their questions replaced. */
    private void handOn(Effects effects) {
        effects.handOn(charges, outbox, dialogues).forEach(this::settle);
    }

    /** The outcome of a service's decision: its text, no dialogue of the caller's, its effects applied in {@code tx}. */
    Outcome applied(Decision decision, Invocation call, Tx tx) {
        return new Outcome(decision.text(), Optional.empty(), Effects.apply(decision, call, tx, questionTimeout));
    }

    /** The answer to a question the network asked (no arguments: silence), decided by the question's service. */
    Outcome asked(Dialogue.Asked asked, Invocation call, Subscriber callee, Tx tx) {
        return applied(services.get(asked.action()).decide(call, callee, tx), call, tx);
    }

    /**
     * A dialogue that ended without its answer (timed out, or replaced by another dialogue of the handset): a
     * question the network asked is decided by its service as silence; a menu needs nothing.
     */
    void settle(Dialogue dialogue) {
        if (!(dialogue.state() instanceof Dialogue.Asked asked)) {
            return;
        }
        Invocation call = invocations.about(dialogue.msisdn()).with(List.of(), asked.params());
        decide(dialogue.msisdn(), null, (callee, tx) -> asked(asked, call, callee, tx))
                .whenComplete((done, error) -> {
                    if (error == null) {
                        settleFault.ok();
                    } else {
                        settleFault.failed("the unanswered question to " + dialogue.msisdn() + " could not be settled: "
                                + FaultLog.describe(error));
                    }
                });
    }
}
