package org.starhash.gateway.engine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.starhash.gateway.billing.ChargeDispatcher;
import org.starhash.gateway.config.GatewayConfig;
import org.starhash.gateway.config.TextKey;
import org.starhash.gateway.config.Texts;
import org.starhash.gateway.faults.FaultLog;
import org.starhash.gateway.menu.MenuLibrary;
import org.starhash.gateway.menu.Navigator;
import org.starhash.gateway.outbox.OutboxDispatcher;
import org.starhash.gateway.services.Invocation;
import org.starhash.gateway.services.Service;
import org.starhash.gateway.services.UsageService;
import org.starhash.gateway.store.Store;
import org.starhash.gateway.store.StoreBusyException;
import org.starhash.gateway.store.StoreFailedException;
import org.starhash.gateway.ussd.Dialogue;
import org.starhash.gateway.ussd.Dialogues;
import org.starhash.gateway.values.Numbering;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs a request: routes it, and lets the service or the menu decide inside one store transaction (so the
 * decision reads and writes atomically), answering once the change, its charge events and its outbox messages
 * are durable. It routes and runs; what is decided is the services' and the menus'.
 */
public final class Engine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);
    /** A failing request is logged as a fault, not once per request: under a fault every request fails alike. */
    private final FaultLog requestFault = new FaultLog(LOG, "requests");
    private final FaultLog sweepFault = new FaultLog(LOG, "USSD dialogue sweeps");
    private final FaultLog expiryFault = new FaultLog(LOG, "usage id expiry");
    private final FaultLog accountFault = new FaultLog(LOG, "Moj račun sweeps");
    /** How often the usage ids past their days are looked for: each time walks the whole table once. */
    private static final long EXPIRE_IDS_EVERY_MINUTES = 6 * 60;

    private final Router router;
    private final Texts texts;
    private final Numbering numbering;
    private final Invocations invocations;
    private final Dialogues dialogues;
    private final MenuRunner menus;
    private final Decisions decisions;
    private final NetworkEvents events;
    private final ScheduledExecutorService sweeper;
    /** Its own thread (usage ids, Moj račun): walking millions of usage ids must not hold up the dialogue sweeps. */
    private final ScheduledExecutorService housekeeping;

    /** An engine whose one-time codes are hashed with a key of its own, kept nowhere: for tests and tools. */
    public Engine(GatewayConfig config, Map<String, Service> services, MenuLibrary library, Dialogues dialogues,
                  Store store, ChargeDispatcher charges, OutboxDispatcher outbox, Clock clock) {
        this(config, services, library, dialogues, store, charges, outbox, clock, randomKey());
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return key;
    }

    /** @param otpKey the key one-time codes are hashed with, kept in the data directory */
    public Engine(GatewayConfig config, Map<String, Service> services, MenuLibrary library, Dialogues dialogues,
                  Store store, ChargeDispatcher charges, OutboxDispatcher outbox, Clock clock, byte[] otpKey) {
        this.router = new Router(config.ussdCodes(), config.shortNumbers(), services, library::menu, config.texts());
        this.texts = config.texts();
        this.numbering = config.numbering();
        this.invocations = new Invocations(clock.withZone(config.zone()));
        this.dialogues = dialogues;
        this.decisions = new Decisions(store, charges, outbox, dialogues, services, invocations);
        UsageService usage = new UsageService(config.texts(), config.keywords(), config.services().sender(), config.zone());
        this.menus = new MenuRunner(new Navigator(MenuSetup.screens(config)), services, config.texts(), decisions, usage);
        this.events = new NetworkEvents(config, store, invocations, decisions, usage, otpKey);
        this.sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ussd-dialogue-sweep");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(1, dialogues.timeout().toMillis() / 4);
        sweeper.scheduleWithFixedDelay(this::sweepOnSchedule, every, every, TimeUnit.MILLISECONDS);
        this.housekeeping = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "housekeeping");
            t.setDaemon(true);
            return t;
        });
        housekeeping.scheduleWithFixedDelay(this::expireOnSchedule, 5, EXPIRE_IDS_EVERY_MINUTES, TimeUnit.MINUTES);
        housekeeping.scheduleWithFixedDelay(this::accountsOnSchedule, 1, 10, TimeUnit.MINUTES);
    }

    /** Within ten minutes of a day's end, the SMS to those whose reactivation ended unpaid. */
    private void accountsOnSchedule() {
        try {
            events.sweepAccounts();
            accountFault.ok();
        } catch (RuntimeException | Error e) {
            accountFault.failed(e);
        }
    }

    private void expireOnSchedule() {
        try {
            int forgotten = events.expireUsageIds();
            if (forgotten > 0) {
                LOG.info("forgot {} usage ids past services.usage.keep_ids_days", forgotten);
            }
            expiryFault.ok();
        } catch (RuntimeException | Error e) {
            expiryFault.failed(e); // caught whatever it is: a scheduled task that throws is never run again
        }
    }

    /** The events the network reports (missed calls, reachability) and the operator's resets. */
    public NetworkEvents events() {
        return events;
    }

    /** Drops the dialogues that timed out and settles the questions among them as unanswered. */
    public void sweepDialogues() {
        dialogues.sweep().forEach(decisions::settle);
    }

    /** The scheduled sweep: a failure is logged and the next sweep comes all the same. */
    private void sweepOnSchedule() {
        try {
            sweepDialogues();
            sweepFault.ok();
        } catch (RuntimeException e) {
            sweepFault.failed(e);
        }
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
            dialogues.endAny(msisdn.get()).ifPresent(decisions::settle);
        }
        Route route = router.route(request);
        if (route instanceof Route.Answer answer) {
            return CompletableFuture.completedFuture(new Reply(Reply.Status.OK, answer.text()));
        }
        if (route instanceof Route.Menu menu) {
            Invocation invocation = invocations.make(msisdn.get(), request.to(), "", "", "", List.of());
            return run(invocation, request, null, (caller, tx) ->
                    menus.start(menu.menu(), menu.parts(), invocation, caller, tx, request.session()));
        }
        Route.Call call = (Route.Call) route;
        Invocation invocation = invocations.make(msisdn.get(), request.to(), call.code(), call.procedure(),
                call.keyword(), call.args());
        return run(invocation, request, null, (caller, tx) -> decisions.applied(call.paid()
                .map(paid -> paid.decide(invocation, request.segments(), caller, tx, texts))
                .orElseGet(() -> call.service().decide(invocation, caller, tx)), invocation, tx));
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
        Dialogues.Current current = dialogues.current(msisdn.get());
        current.expired().ifPresent(decisions::settle);
        Optional<Dialogue> open = current.open()
                .filter(d -> d.session().equals(request.session()) && (number < 0 || number == d.answers() + 1));
        if (open.isEmpty()) {
            return CompletableFuture.completedFuture(new Reply(Reply.Status.OK, texts.render(TextKey.USSD_NO_DIALOGUE, Map.of())));
        }
        Invocation invocation = invocations.make(msisdn.get(), request.to(), "", "", "", List.of());
        if (open.get().state() instanceof Dialogue.Asked asked) {
            Invocation answered = invocation.with(List.of(request.text()), asked.params());
            return run(answered, request, open.get(), (callee, tx) -> decisions.asked(asked, answered, callee, tx));
        }
        return run(invocation, request, open.get(), (caller, tx) ->
                menus.answer(open.get(), request.text(), invocation, caller, tx));
    }

    /**
     * Decides inside one store transaction and answers once it is durable and handed on; an unknown subscriber
     * gets the text that says so.
     */
    private CompletableFuture<Reply> run(Invocation invocation, Request request, Dialogue before, Decisions.Decide decide) {
        return decisions.decide(invocation.msisdn(), before, decide).handle((outcome, error) -> {
            if (error == null) {
                requestFault.ok();
                return outcome.map(o -> new Reply(Reply.Status.OK, o.text(), o.dialogue().isPresent()))
                        .orElseGet(() -> new Reply(Reply.Status.OK,
                                texts.render(TextKey.UNKNOWN_SUBSCRIBER, Map.of("msisdn", invocation.msisdn()))));
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

    /** Stops sweeping dialogues and expiring usage ids. */
    @Override
    public void close() {
        sweeper.shutdownNow();
        housekeeping.shutdownNow();
    }
}
