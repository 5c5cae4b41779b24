package org.starhash.gateway.engine;

import org.starhash.gateway.config.GatewayConfig;
import org.starhash.gateway.config.KeywordSettings;
import org.starhash.gateway.config.TextKey;
import org.starhash.gateway.config.Texts;
import org.starhash.gateway.services.Decision;
import org.starhash.gateway.services.Invocation;
import org.starhash.gateway.services.MissedCallService;
import org.starhash.gateway.store.BarringPin;
import org.starhash.gateway.store.Numbering;
import org.starhash.gateway.store.OutboxMessage;
import org.starhash.gateway.store.Store;
import org.starhash.gateway.store.Subscriber;
import org.starhash.gateway.store.Subscriptions;
import org.starhash.gateway.store.Tx;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
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
        Invocation make(String msisdn, String to, String code, String procedure, String keyword, List<String> args);
    }

    /**
     * What became of an event.
     *
     * @param known  what the event names (a subscriber, a place, a provider) exists
     * @param result what was done, a word for the admin API (kept, sent, none, hidden_number, ...); when not
     *               known, what is unknown
     * @param count  how many subscribers it reached, -1 when it does not count them
     */
    public record Result(boolean known, String result, int count) {

        public Result(boolean known, String result) {
            this(known, result, -1);
        }

        static Result unknownSubscriber() {
            return new Result(false, "not a subscriber of the network");
        }
    }

    /** How many storm alerts one transaction stores. */
    private static final int ALERTS_PER_COMMIT = 500;

    private final Store store;
    private final Numbering numbering;
    private final MissedCallService missedCalls;
    private final Invocations invocations;
    private final Consumer<Effects> handOn;
    private final Duration questionTimeout;
    private final KeywordSettings keywords;
    private final Texts texts;
    private final String sender;

    NetworkEvents(GatewayConfig config, Store store, Invocations invocations, Consumer<Effects> handOn) {
        this.store = store;
        this.keywords = config.keywords();
        this.texts = config.texts();
        this.sender = config.services().sender();
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
                return Result.unknownSubscriber();
            }
            tx.remove(BarringPin.TABLE, msisdn);
            return new Result(true, "reset");
        });
    }

    /**
     * A storm alert for a place (SERVICES.md §5): an SMS from the gateway's sender, with the radar link, to every
     * subscriber who follows the place, through the outbox. Subscribers are found by one pass over the
     * subscriptions; each is checked again in the transaction that stores their SMS, so one who unsubscribed
     * meanwhile gets nothing.
     */
    public CompletableFuture<Result> stormAlert(String written, String text) {
        Optional<String> place = keywords.storm().place(written);
        if (place.isEmpty()) {
            return CompletableFuture.completedFuture(new Result(false, "no place '" + written + "' takes storm alerts; known places: "
                    + String.join(", ", keywords.storm().places())));
        }
        String alert = texts.render(TextKey.STORM_ALERT, Map.of("place", place.get(), "text", text,
                "link", keywords.storm().radarLink()));
        return CompletableFuture.supplyAsync(() -> {
            List<String> following = new ArrayList<>();
            store.forEach(Subscriptions.STORM_PLACES, (msisdn, places) -> {
                if (places.contains(place.get())) {
                    following.add(msisdn);
                }
            });
            return following;
        }).thenCompose(following -> {
            List<CompletableFuture<Integer>> commits = new ArrayList<>();
            for (int from = 0; from < following.size(); from += ALERTS_PER_COMMIT) {
                List<String> chunk = following.subList(from, Math.min(following.size(), from + ALERTS_PER_COMMIT));
                Invocation call = invocations.make(sender, "", "", "", "", List.of());
                commits.add(store.submit(tx -> {
                    List<OutboxMessage> messages = new ArrayList<>();
                    for (String msisdn : chunk) {
                        if (Subscriptions.of(tx, Subscriptions.STORM_PLACES, msisdn).contains(place.get())) {
                            messages.add(OutboxMessage.sms(call.id("storm", messages.size()), sender, msisdn, alert, call.now()));
                        }
                    }
                    Effects effects = new Effects(List.of(), messages, List.of());
                    effects.store(tx);
                    return effects;
                }).thenApply(effects -> {
                    handOn.accept(effects);
                    return effects.messages().size();
                }));
            }
            return CompletableFuture.allOf(commits.toArray(CompletableFuture[]::new))
                    .thenApply(done -> new Result(true, "sent", commits.stream().mapToInt(CompletableFuture::join).sum()));
        });
    }

    /** A content provider reports that a subscriber took one of its paid services; a stop code ends it. */
    public CompletableFuture<Result> contentSubscription(String msisdn, String provider) {
        if (!keywords.providers().containsKey(provider)) {
            return CompletableFuture.completedFuture(new Result(false, "no content provider '" + provider
                    + "'; known providers: " + String.join(", ", new TreeSet<>(keywords.providers().keySet()))));
        }
        return store.submit(tx -> {
            if (tx.subscriber(msisdn).isEmpty()) {
                return Result.unknownSubscriber();
            }
            List<String> taken = new ArrayList<>(Subscriptions.of(tx, Subscriptions.CONTENT_PROVIDERS, msisdn));
            if (taken.contains(provider)) {
                return new Result(true, "already");
            }
            taken.add(provider);
            tx.put(Subscriptions.CONTENT_PROVIDERS, msisdn, List.copyOf(taken));
            return new Result(true, "subscribed");
        });
    }

    /** A decision about a subscriber, made on the store's writer. */
    interface Decide {
        Decision apply(Invocation call, Subscriber subscriber, Tx tx);
    }

    /** Decides about a subscriber in one transaction and hands the effects on once durable. */
    CompletableFuture<Result> decide(String msisdn, Decide decide) {
        Invocation call = invocations.make(msisdn, "", "", "", "", List.of());
        record Done(Result result, Effects effects) {
        }
        return store.submit(tx -> {
            Optional<Subscriber> s = tx.subscriber(msisdn);
            if (s.isEmpty()) {
                return new Done(Result.unknownSubscriber(), Effects.NONE);
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
