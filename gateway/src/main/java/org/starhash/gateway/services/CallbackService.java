package org.starhash.gateway.services;

import org.starhash.gateway.config.ServiceSettings;
import org.starhash.gateway.config.TextKey;
import org.starhash.gateway.config.Texts;
import org.starhash.gateway.store.DailyUse;
import org.starhash.gateway.store.Flag;
import org.starhash.gateway.store.Flags;
import org.starhash.gateway.store.Lookup;
import org.starhash.gateway.store.Put;
import org.starhash.gateway.store.Subscriber;
import org.starhash.gateway.values.Numbering;
import org.starhash.gateway.values.OutboxMessage;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Pokliči nazaj (SERVICES.md §1, seed 002): a free "Prosim, pokliči me!" SMS to another subscriber, from the
 * caller's own number, unless the target blocked such messages or the caller reached the daily cap. The menu of
 * {@code *124#} asks for the number and gives it as the parameter {@code number}.
 */
public final class CallbackService implements Service {

    private final Texts texts;
    private final Numbering numbering;
    private final ServiceSettings settings;

    public CallbackService(Texts texts, Numbering numbering, ServiceSettings settings) {
        this.texts = texts;
        this.numbering = numbering;
        this.settings = settings;
    }

    @Override
    public String name() {
        return "callback";
    }

    @Override
    public Decision decide(Invocation call, Subscriber caller, Lookup state) {
        String typed = call.params().getOrDefault("number", call.args().isEmpty() ? "" : call.args().get(0));
        Counterpart found = Counterpart.find(typed, call, state, numbering, texts);
        if (found.subscriber().isEmpty()) {
            return Decision.answer(found.refusal());
        }
        Subscriber target = found.subscriber().get();
        String number = numbering.national(target.msisdn());
        if (Flags.of(state, target).has(Flag.CALLBACK_BLOCK)) {
            return Decision.answer(texts.render(TextKey.CALLBACK_BLOCKED, Map.of("number", number)));
        }
        DailyUse today = DailyUse.of(state, caller.msisdn(), call.day());
        if (today.callbacks() >= settings.callbackDailyLimit()) {
            return Decision.answer(texts.render(TextKey.CALLBACK_LIMIT,
                    Map.of("limit", Integer.toString(settings.callbackDailyLimit()))));
        }
        return new Decision(texts.render(TextKey.CALLBACK_SENT, Map.of("number", number)),
                List.of(new Put<>(DailyUse.TABLE, caller.msisdn(), today.plusCallback())), List.of(),
                List.of(OutboxMessage.sms(call.id("sms", 0), caller.msisdn(), target.msisdn(),
                        texts.render(TextKey.CALLBACK_MESSAGE, Map.of()), call.now())),
                List.of());
    }

    @Override
    public Optional<String> checkParams(Map<String, String> params) {
        if (!params.keySet().equals(Set.of("number"))) {
            return Optional.of("needs with: { number: \"{name of the input}\" }, the number typed at an input");
        }
        return Optional.empty();
    }
}
