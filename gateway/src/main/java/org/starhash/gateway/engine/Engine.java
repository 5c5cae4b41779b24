package org.starhash.gateway.engine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.starhash.billing.ChargeEvent;
import org.starhash.gateway.billing.ChargeDispatcher;
import org.starhash.gateway.billing.PendingCharges;
import org.starhash.gateway.config.GatewayConfig;
import org.starhash.gateway.config.TextKey;
import org.starhash.gateway.config.Texts;
import org.starhash.gateway.services.Decision;
import org.starhash.gateway.services.Invocation;
import org.starhash.gateway.services.Service;
import org.starhash.gateway.store.Numbering;
import org.starhash.gateway.store.Store;
import org.starhash.gateway.store.StoreBusyException;
import org.starhash.gateway.store.Subscriber;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Runs a request: routes it, lets the service decide inside one store transaction (so the decision reads
 * and writes atomically), and answers once the change and its charge events are durable.
 */
public final class Engine {

    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);

    private final Router router;
    private final Store store;
    private final ChargeDispatcher charges;
    private final Texts texts;
    private final Numbering numbering;
    private final Clock clock;
    private final RequestIds ids;

    public Engine(GatewayConfig config, Map<String, Service> services, Store store, ChargeDispatcher charges, Clock clock) {
        this.router = new Router(config.ussdCodes(), config.shortNumbers(), services, config.texts());
        this.store = store;
        this.charges = charges;
        this.texts = config.texts();
        this.numbering = config.numbering();
        this.clock = clock.withZone(config.zone());
        this.ids = new RequestIds(clock.millis());
    }

    /** Handles a request; the future never fails, errors become a reply status. */
    public CompletableFuture<Reply> handle(Request request) {
        Optional<String> msisdn = numbering.normalize(request.source());
        if (msisdn.isEmpty()) {
            return CompletableFuture.completedFuture(new Reply(Reply.Status.INVALID_SOURCE, ""));
        }
        Route route = router.route(request);
        if (route instanceof Route.Answer answer) {
            return CompletableFuture.completedFuture(new Reply(Reply.Status.OK, answer.text()));
        }
        Route.Call call = (Route.Call) route;
        Instant now = clock.instant();
        Invocation invocation = new Invocation(ids.next(), msisdn.get(), request.to(), call.args(), now,
                YearMonth.from(now.atZone(clock.getZone())));
        return store.submit(tx -> {
            Optional<Subscriber> caller = tx.subscriber(invocation.msisdn());
            if (caller.isEmpty()) {
                return new Outcome(texts.render(TextKey.UNKNOWN_SUBSCRIBER, Map.of("msisdn", invocation.msisdn())), List.of());
            }
            Decision decision = call.service().decide(invocation, caller.get(), tx);
            decision.updates().forEach(tx::put);
            List<ChargeEvent> events = new ArrayList<>(decision.charges());
            if (!call.chargeService().isEmpty()) {
                events.add(new ChargeEvent(invocation.requestId(), now, invocation.msisdn(), call.chargeService(), 1,
                        call.chargeCents(), false));
            }
            events.forEach(e -> tx.insert(PendingCharges.TABLE, e.id(), e));
            return new Outcome(decision.text(), events);
        }).handle((outcome, error) -> {
            if (error == null) {
                charges.offer(outcome.charges());
                return new Reply(Reply.Status.OK, outcome.text());
            }
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            if (cause instanceof StoreBusyException) {
                return new Reply(Reply.Status.BUSY, texts.render(TextKey.TRY_LATER, Map.of()));
            }
            LOG.error("request {} from {} to {} failed", invocation.requestId(), invocation.msisdn(), request.to(), cause);
            return new Reply(Reply.Status.FAILED, texts.render(TextKey.TRY_LATER, Map.of()));
        });
    }

    /**
     * Answers a USSD answer (op 18) that belongs to no open dialogue: this gateway keeps no dialogue open yet,
     * so every such answer gets the "session expired" text.
     */
    public CompletableFuture<Reply> noDialogue(Request request) {
        if (numbering.normalize(request.source()).isEmpty()) {
            return CompletableFuture.completedFuture(new Reply(Reply.Status.INVALID_SOURCE, ""));
        }
        return CompletableFuture.completedFuture(new Reply(Reply.Status.OK, texts.render(TextKey.USSD_NO_DIALOGUE, Map.of())));
    }

    /** What the writer hands back: the answer and the charges to dispatch once durable. */
    private record Outcome(String text, List<ChargeEvent> charges) {
    }
}
