package org.starhash.gateway.engine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.starhash.billing.ChargeEvent;
import org.starhash.gateway.billing.ChargeDispatcher;
import org.starhash.gateway.config.GatewayConfig;
import org.starhash.gateway.config.TextKey;
import org.starhash.gateway.config.Texts;
import org.starhash.gateway.menu.MenuLibrary;
import org.starhash.gateway.menu.Navigator;
import org.starhash.gateway.outbox.OutboxDispatcher;
import org.starhash.gateway.services.Decision;
import org.starhash.gateway.services.Invocation;
import org.starhash.gateway.services.MoCharge;
import org.starhash.gateway.services.Service;
import org.starhash.gateway.store.Money;
import org.starhash.gateway.store.Numbering;
import org.starhash.gateway.store.Store;
import org.starhash.gateway.faults.FaultLog;
import org.starhash.gateway.store.StoreBusyException;
import org.starhash.gateway.store.StoreFailedException;
import org.starhash.gateway.store.Subscriber;
import org.starhash.gateway.store.Tx;
import org.starhash.gateway.ussd.Dialogue;
import org.starhash.gateway.ussd.Dialogues;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Runs a request: routes it, lets the service or the menu decide inside one store transaction (so the decision
 * reads and writes atomically), and answers once the change, its charge events and its outbox messages are
 * durable.
 */
public final class Engine {

    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);
    /** A failing request is logged as a fault, not once per request: under a fault every request fails alike. */
    private final FaultLog requestFault = new FaultLog(LOG, "requests");

    private final Router router;
    private final Map<String, Service> services;
    private final Store store;
    private final ChargeDispatcher charges;
    private final OutboxDispatcher outbox;
    private final Texts texts;
    private final Numbering numbering;
    private final Clock clock;
    private final RequestIds ids;
    private final Dialogues dialogues;
    private final Duration questionTimeout;
    private final MenuRunner menus;
    private final NetworkEvents events;

    public Engine(GatewayConfig config, Map<String, Service> services, MenuLibrary library, Dialogues dialogues,
                  Store store, ChargeDispatcher charges, OutboxDispatcher outbox, Clock clock) {
        this.router = new Router(config.ussdCodes(), config.shortNumbers(), services, library::menu, config.texts());
        this.services = Map.copyOf(services);
        this.store = store;
        this.charges = charges;
        this.outbox = outbox;
        this.texts = config.texts();
        this.numbering = config.numbering();
        this.clock = clock.withZone(config.zone());
        // The wall clock, not the service clock: ids must differ across restarts even when the service time does not.
        this.ids = new RequestIds(System.currentTimeMillis());
        this.dialogues = dialogues;
        this.questionTimeout = config.ussd().dialogueTimeout();
        this.menus = new MenuRunner(new Navigator(MenuSetup.screens(config)), services, config.texts(), questionTimeout);
        this.events = new NetworkEvents(config, store, this::invocation, this::handOn);
        dialogues.onAbandoned(this::unanswered);
    }

    /** The events the network reports (missed calls, reachability) and the operator's resets. */
    public NetworkEvents events() {
        return events;
    }

    private void handOn(Effects effects) {
        effects.handOn(charges, outbox, dialogues);
    }

    /**
     * Handles an SMS or the start of a USSD dialogue (which ends any dialogue the handset had open); the future
     * never fails, errors become a reply status.
     */
    public CompletableFuture<Reply> handle(Request request) {
        Optional<String> msisdn = numbering.normalize(request.source());
        if (msisdn.isEmpty()) {
            return CompletableFuture.completedFuture(new Reply(Reply.Status.INVALID_SOURCE, ""));
        }
        if (request.channel() == Channel.USSD) {
            dialogues.endAny(msisdn.get());
        }
        Route route = router.route(request);
        if (route instanceof Route.Answer answer) {
            return CompletableFuture.completedFuture(new Reply(Reply.Status.OK, answer.text()));
        }
        if (route instanceof Route.Menu menu) {
            Invocation invocation = invocation(msisdn.get(), request.to(), "", "", "", List.of());
            return run(invocation, request, null, (caller, tx) ->
                    menus.start(menu.menu(), menu.parts(), invocation, caller, tx, request.session()));
        }
        Route.Call call = (Route.Call) route;
        Invocation invocation = invocation(msisdn.get(), request.to(), call.code(), call.procedure(), call.keyword(),
                call.args());
        return run(invocation, request, null, (caller, tx) -> {
            Subscriber payer = caller;
            ChargeEvent mo = null;
            if (!call.chargeService().isEmpty()) {
                // The MO is paid first, so what the service decides sees the balance after it.
                MoCharge charge = MoCharge.of(caller, request.segments(), call.chargeCents(), invocation.month());
                if (!charge.covered()) {
                    return Outcome.end(texts.render(TextKey.SMS_NO_BALANCE, Map.of("price", Money.format(charge.amountCents()))));
                }
                payer = charge.payer();
                tx.put(payer);
                mo = new ChargeEvent(invocation.requestId(), invocation.now(), invocation.msisdn(), call.chargeService(),
                        charge.segments(), charge.amountCents(), false);
            }
            Decision decision = call.service().decide(invocation, payer, tx);
            Effects effects = Effects.apply(decision, invocation, tx, questionTimeout);
            return new Outcome(decision.text(), Optional.empty(), mo == null ? effects : effects.plus(mo));
        });
    }

    /**
     * Handles the subscriber's answer in a USSD dialogue: to a menu screen, or to a question the network asked.
     * An answer that belongs to no open dialogue (none, timed out, another transport session, or not the next
     * answer expected) gets the "session expired" text.
     *
     * @param number which answer of the dialogue this is, from 1, when the transport counts them; else -1
     */
    public CompletableFuture<Reply> answer(Request request, int number) {
        Optional<String> msisdn = numbering.normalize(request.source());
        if (msisdn.isEmpty()) {
            return CompletableFuture.completedFuture(new Reply(Reply.Status.INVALID_SOURCE, ""));
        }
        Optional<Dialogue> open = dialogues.of(msisdn.get())
                .filter(d -> d.session().equals(request.session()) && (number < 0 || number == d.answers() + 1));
        if (open.isEmpty()) {
            return CompletableFuture.completedFuture(new Reply(Reply.Status.OK, texts.render(TextKey.USSD_NO_DIALOGUE, Map.of())));
        }
        Invocation invocation = invocation(msisdn.get(), request.to(), "", "", "", List.of());
        if (open.get().state() instanceof Dialogue.Asked asked) {
            Invocation answered = invocation.with(List.of(request.text()), asked.params());
            return run(answered, request, open.get(), (callee, tx) -> decideAsked(asked, answered, callee, tx));
        }
        return run(invocation, request, open.get(), (caller, tx) ->
                menus.answer(open.get(), request.text(), invocation, caller, tx));
    }

    /** A question nobody answered in time, or left for another dialogue: its service decides on silence. */
    private void unanswered(Dialogue dialogue) {
        if (!(dialogue.state() instanceof Dialogue.Asked asked)) {
            return;
        }
        events.decide(dialogue.msisdn(), (call, callee, tx) ->
                        services.get(asked.action()).decide(call.with(List.of(), asked.params()), callee, tx))
                .exceptionally(error -> {
                    requestFault.failed("the unanswered question to " + dialogue.msisdn() + " could not be settled: "
                            + FaultLog.describe(error));
                    return null;
                });
    }

    private Outcome decideAsked(Dialogue.Asked asked, Invocation call, Subscriber callee, Tx tx) {
        Decision decision = services.get(asked.action()).decide(call, callee, tx);
        return new Outcome(decision.text(), Optional.empty(), Effects.apply(decision, call, tx, questionTimeout));
    }

    /** A call of a service at this moment, in the operator's time zone. */
    Invocation invocation(String msisdn, String to, String code, String procedure, String keyword, List<String> args) {
        Instant now = clock.instant();
        LocalDate day = LocalDate.ofInstant(now, clock.getZone());
        return new Invocation(ids.next(), msisdn, to, code, procedure, keyword, args, Map.of(), now, day,
                YearMonth.from(day));
    }

    /** A decision a subscriber's request leads to, made on the store's writer. */
    private interface Decide {
        Outcome apply(Subscriber caller, Tx tx);
    }

    /**
     * Decides inside one store transaction, stores the charges and outbox messages in the same transaction, and
     * answers once it is durable; the dialogue moves on only then.
     */
    private CompletableFuture<Reply> run(Invocation invocation, Request request, Dialogue before, Decide decide) {
        return store.submit(tx -> {
            Optional<Subscriber> caller = tx.subscriber(invocation.msisdn());
            if (caller.isEmpty()) {
                return Outcome.end(texts.render(TextKey.UNKNOWN_SUBSCRIBER, Map.of("msisdn", invocation.msisdn())));
            }
            Outcome outcome = decide.apply(caller.get(), tx);
            outcome.effects().store(tx);
            return outcome;
        }).handle((outcome, error) -> {
            if (error == null) {
                outcome.dialogue().ifPresentOrElse(next -> {
                    if (before == null) {
                        dialogues.start(next);
                    } else {
                        dialogues.advance(before, next);
                    }
                }, () -> {
                    if (before != null) {
                        dialogues.end(before);
                    }
                });
                handOn(outcome.effects());
                requestFault.ok();
                return new Reply(Reply.Status.OK, outcome.text(), outcome.dialogue().isPresent());
            }
            if (before != null) {
                dialogues.end(before);
            }
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            if (cause instanceof StoreBusyException) {
                return new Reply(Reply.Status.BUSY, texts.render(TextKey.TRY_LATER, Map.of()));
            }
            if (!(cause instanceof StoreFailedException)) {
                // The store logs its own faults; anything else is a fault of the request path itself.
                if (!requestFault.open()) {
                    LOG.error("request {} from {} to {} failed", invocation.requestId(), invocation.msisdn(), request.to(), cause);
                }
                requestFault.failed(cause);
            }
            return new Reply(Reply.Status.FAILED, texts.render(TextKey.TRY_LATER, Map.of()));
        });
    }
}
