package org.starhash.gateway.services;

import org.starhash.billing.ChargeEvent;
import org.starhash.gateway.config.ServiceSettings;
import org.starhash.gateway.config.TextKey;
import org.starhash.gateway.config.Texts;
import org.starhash.gateway.store.Lookup;
import org.starhash.gateway.store.Subscriber;
import org.starhash.gateway.store.SubscriberKind;
import org.starhash.gateway.values.Money;
import org.starhash.gateway.values.Numbering;
import org.starhash.gateway.values.OutboxMessage;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The callee's answer to a collect-call question: {@code 1} accepts and hands the network a collect-call event
 * (through the billing hooks) to set up the call on the callee's account; any other answer declines, and so
 * does no answer before the dialogue times out. The caller is told either way.
 */
public final class CollectCallAnswerService implements Service {

    private final Texts texts;
    private final Numbering numbering;
    private final ServiceSettings settings;

    public CollectCallAnswerService(Texts texts, Numbering numbering, ServiceSettings settings) {
        this.texts = texts;
        this.numbering = numbering;
        this.settings = settings;
    }

    @Override
    public String name() {
        return CollectCallService.ANSWER;
    }

    @Override
    public boolean inMenus() {
        return false;
    }

    /** Decides on the answer; no argument means the question went unanswered. */
    @Override
    public Decision decide(Invocation call, Subscriber callee, Lookup state) {
        String caller = call.params().get("caller");
        String callerShown = numbering.national(caller);
        String calleeShown = numbering.national(callee.msisdn());
        if (call.args().isEmpty()) {
            return toCaller(call, caller, "", texts.render(TextKey.COLLECT_NO_ANSWER, Map.of("number", calleeShown)),
                    List.of());
        }
        String price = Money.format(settings.collectCallPriceCents());
        if (!call.args().get(0).strip().equals("1")) {
            return toCaller(call, caller, texts.render(TextKey.COLLECT_DECLINE_DONE, Map.of("caller", callerShown)),
                    texts.render(TextKey.COLLECT_DECLINED, Map.of("number", calleeShown)), List.of());
        }
        if (callee.kind() == SubscriberKind.PREPAID && callee.balanceCents() < settings.collectCallPriceCents()) {
            return toCaller(call, caller, texts.render(TextKey.COLLECT_NO_BALANCE, Map.of("price", price)),
                    texts.render(TextKey.COLLECT_DECLINED, Map.of("number", calleeShown)), List.of());
        }
        // The call itself is rated by the network; the event says who pays and is free to set up.
        ChargeEvent event = new ChargeEvent(call.id("collect", 0), call.now(), callee.msisdn(), "collect_call:" + caller,
                1, 0, false);
        return toCaller(call, caller, texts.render(TextKey.COLLECT_ACCEPT_DONE, Map.of("caller", callerShown)),
                texts.render(TextKey.COLLECT_ACCEPTED, Map.of("number", calleeShown)), List.of(event));
    }

    private Decision toCaller(Invocation call, String caller, String calleeText, String callerText,
                              List<ChargeEvent> events) {
        OutboxMessage notice = settings.collectCallNotifyUssd()
                ? new OutboxMessage(call.id("ussn", 0), OutboxMessage.Kind.USSD_NOTIFY, settings.sender(), caller, callerText, call.now(), Optional.empty())
                : OutboxMessage.sms(call.id("sms", 0), settings.sender(), caller, callerText, call.now());
        return new Decision(calleeText, List.of(), events, List.of(notice), List.of());
    }
}
