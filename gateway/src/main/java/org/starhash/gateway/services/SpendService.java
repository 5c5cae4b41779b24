package org.starhash.gateway.services;

import org.starhash.gateway.config.TextKey;
import org.starhash.gateway.config.Texts;
import org.starhash.gateway.store.Lookup;
import org.starhash.gateway.store.Subscriber;
import org.starhash.gateway.store.SubscriberKind;
import org.starhash.gateway.values.Money;

import java.util.Map;

/**
 * PORABA (SERVICES.md §2): the informative extra spend of the current month. A prepaid user has no extra
 * spend, so gets the balance instead of a misleading zero.
 */
public final class SpendService implements Service {

    private final Texts texts;

    public SpendService(Texts texts) {
        this.texts = texts;
    }

    @Override
    public String name() {
        return "spend";
    }

    @Override
    public Decision decide(Invocation call, Subscriber caller, Lookup state) {
        if (caller.kind() == SubscriberKind.PREPAID) {
            return Decision.answer(texts.render(TextKey.SPEND_PREPAID,
                    Map.of("balance", Money.format(caller.balanceCents()))));
        }
        return Decision.answer(texts.render(TextKey.SPEND_POSTPAID, Map.of(
                "month", Months.shown(call.month()),
                "extra", Money.format(caller.extraSpendCents(call.month())))));
    }
}
