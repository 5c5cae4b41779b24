package org.starhash.gateway.services;

import org.starhash.gateway.store.Subscriber;

import java.time.YearMonth;

/**
 * What an MO SMS to a paying short number costs its sender, segment by segment (seed 002): from the package SMS
 * while any are left, the rest by the price list, on the bill (postpaid) or from the balance (prepaid). A prepaid
 * sender whose balance does not cover it is refused (SERVICES.md §3, "Prepaid paid actions").
 *
 * @param payer       the sender after the charge
 * @param segments    the segments charged
 * @param fromPackage of them, those taken from the package
 * @param amountCents what the rest costs
 * @param covered     false when a prepaid balance does not cover it; then nothing is charged
 */
public record MoCharge(Subscriber payer, int segments, long fromPackage, long amountCents, boolean covered) {

    /** Charges {@code segments} at {@code priceCents} each. */
    public static MoCharge of(Subscriber sender, int segments, long priceCents, YearMonth month) {
        long fromPackage = Math.min(segments, sender.unitsLeft(month).sms());
        long amount = (segments - fromPackage) * priceCents;
        Subscriber used = fromPackage > 0 ? sender.plusUsedSms(month, fromPackage) : sender;
        return Payments.pay(used, amount, month)
                .map(payer -> new MoCharge(payer, segments, fromPackage, amount, true))
                .orElse(new MoCharge(sender, segments, 0, amount, false));
    }
}
