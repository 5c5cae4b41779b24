package org.starhash.gateway.services;

import org.starhash.gateway.store.Subscriber;
import org.starhash.gateway.store.SubscriberKind;

import java.time.YearMonth;
import java.util.Optional;

/** How a subscriber pays for a paid action (SERVICES.md §3): prepaid from the balance, postpaid on the bill. */
public final class Payments {

    private Payments() {
    }

    /**
     * The subscriber after paying; empty when a prepaid balance does not cover the amount, and then nothing is
     * taken (a paid action runs only when the balance is at least its price).
     */
    public static Optional<Subscriber> pay(Subscriber payer, long cents, YearMonth month) {
        if (cents == 0) {
            return Optional.of(payer);
        }
        if (payer.kind() == SubscriberKind.PREPAID) {
            return payer.balanceCents() < cents ? Optional.empty()
                    : Optional.of(payer.withBalanceCents(payer.balanceCents() - cents));
        }
        return Optional.of(payer.plusExtraSpend(month, cents));
    }
}
