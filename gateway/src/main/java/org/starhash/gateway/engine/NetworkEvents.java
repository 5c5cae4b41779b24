package org.starhash.gateway.engine;

import org.starhash.gateway.config.GatewayConfig;
import org.starhash.gateway.config.KeywordSettings;
import org.starhash.gateway.config.TextKey;
import org.starhash.gateway.config.Texts;
import org.starhash.gateway.services.AccountService;
import org.starhash.gateway.services.Authorization;
import org.starhash.gateway.services.BarringService;
import org.starhash.gateway.services.ContentStopService;
import org.starhash.gateway.services.EInvoiceService;
import org.starhash.gateway.services.Decision;
import org.starhash.gateway.services.Invocation;
import org.starhash.gateway.services.MissedCallService;
import org.starhash.gateway.services.OtpService;
import org.starhash.gateway.services.RoamingNoticeService;
import org.starhash.gateway.services.UsageService;
import org.starhash.gateway.store.Store;
import org.starhash.gateway.store.Subscriber;
import org.starhash.gateway.store.Subscriptions;
import org.starhash.gateway.store.Tx;
import org.starhash.gateway.store.UsageIds;
import org.starhash.gateway.values.AuthorizeQuery;
import org.starhash.gateway.values.UsageEvent;
import org.starhash.gateway.values.Numbering;
import org.starhash.gateway.values.OutboxMessage;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

/**
 * Events about a subscriber that no request of theirs carries (SERVICES.md §5): what the network or the operator
 * reports, and a question the subscriber left unanswered. Each is decided in one store transaction like a
 * request, its SMS go through the outbox, and the result says what was done.
 */
public final class NetworkEvents {

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
    private final Decisions decisions;
    private final KeywordSettings keywords;
    private final Texts texts;
    private final String sender;
    private final UsageService usage;
    private final Authorization authorization;
    private final RoamingNoticeService roamingNotices;
    private final OtpService otp;
    private final EInvoiceService eInvoices;
    private final AccountService accounts;
    private final SecureRandom random = new SecureRandom();

    NetworkEvents(GatewayConfig config, Store store, Invocations invocations, Decisions decisions, UsageService usage,
                  byte[] otpKey) {
        this.otp = new OtpService(config.otp(), config.texts(), config.services().sender(), otpKey);
        this.eInvoices = new EInvoiceService(config.texts(), config.services().sender());
        this.accounts = new AccountService(config.texts(), config.services().sender());
        this.store = store;
        this.keywords = config.keywords();
        this.texts = config.texts();
        this.sender = config.services().sender();
        this.usage = usage;
        this.authorization = new Authorization(usage);
        this.roamingNotices = new RoamingNoticeService(config.texts(), config.keywords().roaming(), sender);
        this.numbering = config.numbering();
        this.missedCalls = new MissedCallService(config.texts(), config.numbering(), config.services(), config.zone());
        this.invocations = invocations;
        this.decisions = decisions;
    }

    /** Now, by the clock the gateway decides with: when an event that says nothing of its time happened. */
    public java.time.Instant now() {
        return invocations.now();
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
        return decide(msisdn, (call, s, tx) -> BarringService.resetPin(s));
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
                Invocation call = invocations.about(sender);
                commits.add(decisions.commit(tx -> {
                    List<OutboxMessage> messages = new ArrayList<>();
                    for (String msisdn : chunk) {
                        if (Subscriptions.of(tx, Subscriptions.STORM_PLACES, msisdn).contains(place.get())) {
                            messages.add(OutboxMessage.sms(call.id("storm", messages.size()), sender, msisdn, alert, call.now()));
                        }
                    }
                    return decisions.applied(new Decision("", List.of(), List.of(), messages, List.of()), call, tx);
                }).thenApply(outcome -> outcome.effects().messages().size()));
            }
            return CompletableFuture.allOf(commits.toArray(CompletableFuture[]::new))
                    .thenApply(done -> new Result(true, "sent", commits.stream().mapToInt(CompletableFuture::join).sum()));
        });
    }

    /**
     * Usage the billing or mediation system reports (SERVICES.md §3): counted in one transaction, durable before
     * the future completes, the limits' SMS handed to the outbox; refused as a whole when one event cannot count.
     */
    public CompletableFuture<UsageResults> usage(List<UsageEvent> events) {
        Invocation call = invocations.about(sender);
        record Counted(UsageService.Decided decided, Effects effects) {
        }
        return decisions.commit(tx -> {
            UsageService.Decided decided = usage.decide(events, call, tx);
            return new Counted(decided, decided.refusal().isPresent() ? Effects.NONE
                    : decisions.applied(decided.decision(), call, tx).effects());
        }, Counted::effects).thenApply(counted -> new UsageResults(counted.decided().results().stream()
                .map(r -> new UsageResults.Event(r.id(), r.result(), r.reason(), r.actions())).toList(),
                counted.decided().refusal()));
    }

    /**
     * What an admin call about a subscriber came to, with the numbers its answer carries.
     *
     * @param known   the subscriber exists
     * @param result  the answer's word
     * @param numbers more fields of the answer, in order
     */
    public record Answer(boolean known, String result, Map<String, Long> numbers) {
    }

    /** What a one-time code may be for. */
    public static final List<String> OTP_PURPOSES = OtpService.PURPOSES;
    /** Digits of a one-time code. */
    public static final int OTP_DIGITS = OtpService.DIGITS;

    /** Sends a one-time code for a purpose ({@link #OTP_PURPOSES}), unless too soon, too many or disabled. */
    public CompletableFuture<Answer> requestOtp(String msisdn, String purpose) {
        String code = String.format(java.util.Locale.ROOT, "%0" + OtpService.DIGITS + "d",
                random.nextInt((int) Math.pow(10, OtpService.DIGITS)));
        return answer(msisdn, (call, s, tx) -> otp.request(call, s, purpose, code, tx));
    }

    /** Checks a one-time code; a right one is spent. */
    public CompletableFuture<Answer> verifyOtp(String msisdn, String purpose, String code) {
        return answer(msisdn, (call, s, tx) -> otp.verify(call.now(), msisdn, purpose, code, tx));
    }

    /** Switches SMS codes off or on for a number (a business account's main administrator). */
    public CompletableFuture<Answer> otpEnabled(String msisdn, boolean enabled) {
        return answer(msisdn, (call, s, tx) -> otp.enable(msisdn, enabled, call.day()));
    }

    /** The e-invoice of a billing period was delivered: its SMS, once per period. */
    public CompletableFuture<Result> eInvoiceDelivered(String msisdn, java.time.YearMonth period, long cents, boolean bank) {
        return decide(msisdn, (call, s, tx) -> eInvoices.delivered(call, s, period, cents, bank, tx));
    }

    /** Billing reports a subscriber's overdue amount now (Moj račun); nothing overdue lifts a cut. */
    public CompletableFuture<Result> accountDebt(String msisdn, long overdueCents) {
        return decide(msisdn, (call, s, tx) -> accounts.debt(s, overdueCents, tx));
    }

    /** Billing cut a subscriber's services for non-payment. */
    public CompletableFuture<Result> accountSuspended(String msisdn) {
        return decide(msisdn, (call, s, tx) -> accounts.suspend(s, tx));
    }

    /** A subscriber paid; paid in full, a cut is lifted. */
    public CompletableFuture<Result> accountPayment(String msisdn, long cents) {
        return decide(msisdn, (call, s, tx) -> accounts.payment(s, cents, tx));
    }

    /**
     * Sends the SMS that services are cut again to every subscriber whose five days of reactivation ended unpaid,
     * once each, and returns how many it told. Whether services are cut follows from the day alone; only this SMS
     * needs a sweep. It waits for the store: call it from a housekeeping thread.
     */
    public int sweepAccounts() {
        List<String> ended = new ArrayList<>();
        java.time.LocalDate today = invocations.about(sender).day();
        store.forEach(org.starhash.gateway.store.Account.TABLE, (msisdn, a) -> {
            if (a.suspended() && a.reactivatedOn().isPresent() && !a.cutAgainTold() && a.cutOn(today)) {
                ended.add(msisdn);
            }
        });
        int told = 0;
        for (String msisdn : ended) {
            if (decide(msisdn, (call, s, tx) -> accounts.cutAgain(call, s, tx)).join().result().equals("told")) {
                told++;
            }
        }
        return told;
    }

    private interface Answering {
        OtpService.Answer apply(Invocation call, Subscriber subscriber, Tx tx);
    }

    private CompletableFuture<Answer> answer(String msisdn, Answering decide) {
        Invocation call = invocations.about(msisdn);
        record Answered(Optional<OtpService.Answer> answer, Effects effects) {
        }
        return decisions.commit(tx -> tx.subscriber(msisdn).map(s -> {
            OtpService.Answer a = decide.apply(call, s, tx);
            return new Answered(Optional.of(a), decisions.applied(a.decision(), call, tx).effects());
        }).orElseGet(() -> new Answered(Optional.empty(), Effects.NONE)), Answered::effects)
                .thenApply(a -> a.answer().map(r -> new Answer(true, r.result(), r.numbers()))
                        .orElseGet(() -> new Answer(false, "not a subscriber of the network", Map.of())));
    }

    /**
     * Forgets the usage ids counted longer ago than {@code services.usage.keep_ids_days}, a thousand a transaction,
     * and returns how many. It waits for the store: call it from a housekeeping thread.
     */
    public int expireUsageIds() {
        return store.removeWhere(UsageIds.TABLE, usage.idExpired(invocations.now()), 1000);
    }

    /**
     * The network's question before a subscriber does something: the barrings and the month's limits together.
     * A read that goes before any queued change, so it waits at most for the commit under way; when the writer is
     * forcing the journal or idle it is answered at once on the caller's thread.
     *
     * @param known   the subscriber exists
     * @param refusal why not, empty when allowed
     */
    public record Authorized(boolean known, Optional<String> refusal) {
    }

    /** Answers an authorization query; see {@link Authorized}. */
    public CompletableFuture<Authorized> authorize(AuthorizeQuery query) {
        Invocation call = invocations.about(query.msisdn());
        return store.readFirst(tx -> tx.subscriber(query.msisdn())
                .map(s -> new Authorized(true, authorization.refusal(query, s, tx, call.day(), call.month())))
                .orElseGet(() -> new Authorized(false, Optional.empty())));
    }

    /**
     * A subscriber registered in a foreign network: the roaming price SMS, at most once per country a day.
     *
     * @param country the ISO 3166 code, upper case
     */
    public CompletableFuture<Result> roamingRegistered(String msisdn, String country, boolean eu) {
        return decide(msisdn, (call, s, tx) -> roamingNotices.registered(call, s, country, eu, tx));
    }

    /** A content provider reports that a subscriber took one of its paid services; a stop code ends it. */
    public CompletableFuture<Result> contentSubscription(String msisdn, String provider) {
        if (!keywords.providers().containsKey(provider)) {
            return CompletableFuture.completedFuture(new Result(false, "no content provider '" + provider
                    + "'; known providers: " + String.join(", ", new TreeSet<>(keywords.providers().keySet()))));
        }
        return decide(msisdn, (call, s, tx) -> ContentStopService.taken(s, provider, tx));
    }

    /** A decision about a subscriber, made on the store's writer. */
    interface Decide {
        Decision apply(Invocation call, Subscriber subscriber, Tx tx);
    }

    /** Decides about a subscriber in one transaction and hands the effects on once durable. */
    CompletableFuture<Result> decide(String msisdn, Decide decide) {
        Invocation call = invocations.about(msisdn);
        return decisions.decide(msisdn, null, (s, tx) -> decisions.applied(decide.apply(call, s, tx), call, tx))
                .thenApply(outcome -> outcome.map(o -> new Result(true, o.text())).orElseGet(Result::unknownSubscriber));
    }
}
