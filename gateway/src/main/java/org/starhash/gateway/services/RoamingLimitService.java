package org.starhash.gateway.services;

import org.starhash.gateway.config.KeywordSettings;
import org.starhash.gateway.config.TextKey;
import org.starhash.gateway.config.Texts;
import org.starhash.gateway.store.Lookup;
import org.starhash.gateway.store.Put;
import org.starhash.gateway.store.RoamingRaises;
import org.starhash.gateway.store.Subscriber;
import org.starhash.gateway.values.Money;

import java.util.List;
import java.util.Map;

/**
 * GPRS TUJINA (SERVICES.md §2, seed 002): raises this month's roaming data limit, by an amount in EU countries
 * and by megabytes outside the EU, once a month by SMS; a second request that month is sent to the call center.
 */
public final class RoamingLimitService implements Service {

    private final Texts texts;
    private final KeywordSettings.Roaming roaming;

    public RoamingLimitService(Texts texts, KeywordSettings.Roaming roaming) {
        this.texts = texts;
        this.roaming = roaming;
    }

    @Override
    public String name() {
        return "roaming_limit";
    }

    /** By SMS only, as the seed says: the MO is the written request and is charged. */
    @Override
    public boolean inMenus() {
        return false;
    }

    @Override
    public Decision decide(Invocation call, Subscriber caller, Lookup state) {
        String month = Months.shown(call.month());
        if (RoamingRaises.raisedIn(state, caller.msisdn(), call.month())) {
            return Decision.answer(texts.render(TextKey.ROAMING_ALREADY_RAISED, Map.of("month", month)));
        }
        return new Decision(texts.render(TextKey.ROAMING_RAISED, Map.of("month", month,
                "eu_limit", Money.format(roaming.euLimitCents() + roaming.euRaiseCents()),
                "non_eu_limit", Money.format(roaming.nonEuLimitCents()),
                "non_eu_mb", Long.toString(roaming.nonEuRaiseMb()))),
                List.of(new Put<>(RoamingRaises.TABLE, caller.msisdn(), call.month())), List.of());
    }
}
