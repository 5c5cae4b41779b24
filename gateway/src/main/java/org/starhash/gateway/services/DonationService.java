package org.starhash.gateway.services;

import org.starhash.billing.ChargeEvent;
import org.starhash.gateway.config.KeywordSettings;
import org.starhash.gateway.config.TextKey;
import org.starhash.gateway.config.Texts;
import org.starhash.gateway.store.Lookup;
import org.starhash.gateway.store.Put;
import org.starhash.gateway.store.Subscriber;
import org.starhash.gateway.values.Money;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Donations by SMS to 1919 (SERVICES.md §2, seed 002): the keyword names a charity and an amount in the config
 * table; it is taken from a prepaid balance that covers it or put on the postpaid bill, without VAT.
 */
public final class DonationService implements Service {

    private final Texts texts;
    private final Map<String, KeywordSettings.Donation> donations;

    public DonationService(Texts texts, Map<String, KeywordSettings.Donation> donations) {
        this.texts = texts;
        this.donations = Map.copyOf(donations);
    }

    @Override
    public String name() {
        return "donation";
    }

    @Override
    public boolean inMenus() {
        return false;
    }

    @Override
    public Decision decide(Invocation call, Subscriber caller, Lookup state) {
        KeywordSettings.Donation donation = donations.get(call.keyword());
        if (donation == null) {
            throw new IllegalStateException("no donation keyword " + call.keyword() + " in the config table");
        }
        String amount = Money.format(donation.amountCents());
        Optional<Subscriber> paid = Payments.pay(caller, donation.amountCents(), call.month());
        if (paid.isEmpty()) {
            return Decision.answer(texts.render(TextKey.DONATION_NO_BALANCE,
                    Map.of("amount", amount, "balance", Money.format(caller.balanceCents()))));
        }
        return new Decision(texts.render(TextKey.DONATION_THANKS, Map.of("charity", donation.charity(), "amount", amount)),
                List.of(Put.of(paid.get())),
                List.of(new ChargeEvent(call.id("donation", 0), call.now(), caller.msisdn(),
                        "donation:" + call.keyword(), 1, donation.amountCents(), true)));
    }
}
