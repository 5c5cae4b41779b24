package org.starhash.gateway.services;

import org.starhash.gateway.config.KeywordSettings;
import org.starhash.gateway.config.TextKey;
import org.starhash.gateway.config.Texts;
import org.starhash.gateway.sms.Keywords;
import org.starhash.gateway.store.Lookup;
import org.starhash.gateway.store.Put;
import org.starhash.gateway.store.SpendAlerts;
import org.starhash.gateway.store.Subscriber;
import org.starhash.gateway.store.SubscriberKind;
import org.starhash.gateway.values.Money;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * LIMIT (seed 002 "SMS limit dodatne porabe"): a postpaid subscriber's extra-spend alert, off until switched on,
 * informing and never blocking. {@code LIMIT} tells its state, {@code LIMIT VKLOP} switches it on at the default
 * threshold, {@code LIMIT 60} on at 60 EUR (whole euros, 1 to 10,000), {@code LIMIT IZKLOP} off.
 */
public final class SpendLimitService implements Service {

    private final Texts texts;
    private final long defaultCents;

    public SpendLimitService(Texts texts, KeywordSettings settings) {
        this.texts = texts;
        this.defaultCents = settings.spendAlertCents();
    }

    @Override
    public String name() {
        return "spend_limit";
    }

    @Override
    public boolean inMenus() {
        return false;
    }

    @Override
    public Decision decide(Invocation call, Subscriber caller, Lookup state) {
        if (caller.kind() == SubscriberKind.PREPAID) {
            return Decision.answer(texts.render(TextKey.SPEND_LIMIT_PREPAID, Map.of()));
        }
        if (call.args().isEmpty()) {
            Optional<Long> on = state.get(SpendAlerts.TABLE, caller.msisdn());
            return Decision.answer(on.isPresent()
                    ? texts.render(TextKey.SPEND_LIMIT_STATE_ON, Map.of("threshold", Money.format(on.get())))
                    : texts.render(TextKey.SPEND_LIMIT_STATE_OFF, Map.of()));
        }
        String word = Keywords.fold(String.join(" ", call.args()));
        if (word.equals("IZKLOP")) {
            return new Decision(texts.render(TextKey.SPEND_LIMIT_OFF, Map.of()),
                    List.of(Put.removal(SpendAlerts.TABLE, caller.msisdn())), List.of());
        }
        Optional<Long> threshold = word.equals("VKLOP") ? Optional.of(defaultCents) : euros(word);
        if (threshold.isEmpty()) {
            return Decision.answer(texts.render(TextKey.SPEND_LIMIT_USAGE,
                    Map.of("max", Integer.toString(KeywordSettings.MAX_SPEND_ALERT))));
        }
        return new Decision(texts.render(TextKey.SPEND_LIMIT_ON, Map.of("threshold", Money.format(threshold.get()))),
                List.of(new Put<>(SpendAlerts.TABLE, caller.msisdn(), threshold.get())), List.of());
    }

    /** Whole euros from 1 to the most, in cents. */
    private static Optional<Long> euros(String word) {
        if (!word.matches("[0-9]{1,5}")) {
            return Optional.empty();
        }
        int euros = Integer.parseInt(word);
        return euros >= 1 && euros <= KeywordSettings.MAX_SPEND_ALERT ? Optional.of(euros * 100L) : Optional.empty();
    }
}
