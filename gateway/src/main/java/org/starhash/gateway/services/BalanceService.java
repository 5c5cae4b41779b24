package org.starhash.gateway.services;

import org.starhash.gateway.config.TextKey;
import org.starhash.gateway.config.Texts;
import org.starhash.gateway.store.Lookup;
import org.starhash.gateway.store.Subscriber;
import org.starhash.gateway.store.SubscriberKind;
import org.starhash.gateway.store.Units;
import org.starhash.gateway.values.Money;

import java.util.Map;

/** Stanje (SERVICES.md §1, {@code *123#}): the prepaid balance, or the package left and the extra spend. Free. */
public final class BalanceService implements Service {

    private final Texts texts;

    public BalanceService(Texts texts) {
        this.texts = texts;
    }

    @Override
    public String name() {
        return "balance";
    }

    @Override
    public Decision decide(Invocation call, Subscriber caller, Lookup state) {
        if (caller.kind() == SubscriberKind.PREPAID) {
            return Decision.answer(texts.render(TextKey.BALANCE_PREPAID,
                    Map.of("balance", Money.format(caller.balanceCents()))));
        }
        Units left = caller.unitsLeft(call.month());
        return Decision.answer(texts.render(TextKey.BALANCE_POSTPAID, Map.of(
                "minutes", Long.toString(left.minutes()),
                "sms", Long.toString(left.sms()),
                "data", Long.toString(left.megabytes()),
                "extra", Money.format(caller.extraSpendCents(call.month())))));
    }
}
