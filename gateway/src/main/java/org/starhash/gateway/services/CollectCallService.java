package org.starhash.gateway.services;

import org.starhash.gateway.config.ServiceSettings;
import org.starhash.gateway.config.TextKey;
import org.starhash.gateway.config.Texts;
import org.starhash.gateway.store.Lookup;
import org.starhash.gateway.store.Subscriber;
import org.starhash.gateway.store.SubscriberKind;
import org.starhash.gateway.values.Money;
import org.starhash.gateway.values.Numbering;

import java.util.List;
import java.util.Map;

/**
 * Plačaj zame (SERVICES.md §1, seed 002), {@code *111*MSISDN#}: asks the callee by a network-initiated USSD
 * question whether they pay for the call. Only within the network, and not between two prepaid users.
 */
public final class CollectCallService implements Service {

    /** The service that takes the callee's answer. */
    static final String ANSWER = "collect_call_answer";

    private final Texts texts;
    private final Numbering numbering;
    private final ServiceSettings settings;

    public CollectCallService(Texts texts, Numbering numbering, ServiceSettings settings) {
        this.texts = texts;
        this.numbering = numbering;
        this.settings = settings;
    }

    @Override
    public String name() {
        return "collect_call";
    }

    @Override
    public boolean inMenus() {
        return false;
    }

    @Override
    public Decision decide(Invocation call, Subscriber caller, Lookup state) {
        if (call.args().size() != 1) {
            return Decision.answer(texts.render(TextKey.COLLECT_USAGE, Map.of()));
        }
        Counterpart found = Counterpart.find(call.args().get(0), call, state, numbering, texts);
        if (found.subscriber().isEmpty()) {
            return Decision.answer(found.refusal());
        }
        Subscriber callee = found.subscriber().get();
        if (caller.kind() == SubscriberKind.PREPAID && callee.kind() == SubscriberKind.PREPAID) {
            return Decision.answer(texts.render(TextKey.COLLECT_BOTH_PREPAID, Map.of()));
        }
        String question = texts.render(TextKey.COLLECT_QUESTION, Map.of("caller", numbering.national(caller.msisdn()),
                "price", Money.format(settings.collectCallPriceCents())));
        return new Decision(texts.render(TextKey.COLLECT_ASKED, Map.of("number", numbering.national(callee.msisdn()))),
                List.of(), List.of(), List.of(),
                List.of(new Question(callee.msisdn(), call.code(), question, ANSWER, Map.of("caller", caller.msisdn()))));
    }
}
