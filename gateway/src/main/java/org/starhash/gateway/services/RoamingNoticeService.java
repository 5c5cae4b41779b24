package org.starhash.gateway.services;

import org.starhash.gateway.config.KeywordSettings;
import org.starhash.gateway.config.TextKey;
import org.starhash.gateway.config.Texts;
import org.starhash.gateway.store.Flag;
import org.starhash.gateway.store.Flags;
import org.starhash.gateway.store.Lookup;
import org.starhash.gateway.store.Put;
import org.starhash.gateway.store.RoamingNotices;
import org.starhash.gateway.store.RoamingRaises;
import org.starhash.gateway.store.Subscriber;
import org.starhash.gateway.values.Money;
import org.starhash.gateway.values.OutboxMessage;

import java.util.List;
import java.util.Map;

/**
 * The roaming price SMS (seed 002, Evrotarifa): when a subscriber registers in a foreign network, one SMS with
 * that zone's prices and the month's roaming data limit, at most once per country a day, unless the subscriber
 * asked for none ({@code roaming_price_sms} off). The decision's text is {@code sent}, {@code already_today} or
 * {@code service_off}, for the admin API.
 */
public final class RoamingNoticeService {

    private final Texts texts;
    private final KeywordSettings.Roaming roaming;
    private final String sender;

    public RoamingNoticeService(Texts texts, KeywordSettings.Roaming roaming, String sender) {
        this.texts = texts;
        this.roaming = roaming;
        this.sender = sender;
    }

    /** A subscriber registered in a country's network; {@code country} is its ISO code, upper case. */
    public Decision registered(Invocation call, Subscriber s, String country, boolean eu, Lookup state) {
        if (!Flags.of(state, s).has(Flag.ROAMING_PRICE_SMS)) {
            return Decision.answer("service_off");
        }
        String key = RoamingNotices.key(s.msisdn(), country);
        if (state.get(RoamingNotices.TABLE, key).filter(call.day()::equals).isPresent()) {
            return Decision.answer("already_today");
        }
        long limit = eu ? roaming.euLimitCents() + (RoamingRaises.raisedIn(state, s.msisdn(), call.month())
                ? roaming.euRaiseCents() : 0) : roaming.nonEuLimitCents();
        String text = texts.render(TextKey.ROAMING_PRICE_NOTICE, Map.of("country", country,
                "prices", texts.render(eu ? TextKey.ROAMING_PRICES_EU : TextKey.ROAMING_PRICES_NON_EU, Map.of()),
                "limit", Money.format(limit)));
        return new Decision("sent", List.of(new Put<>(RoamingNotices.TABLE, key, call.day())), List.of(),
                List.of(OutboxMessage.sms(call.id("roaming", 0), sender, s.msisdn(), text, call.now())), List.of());
    }
}
