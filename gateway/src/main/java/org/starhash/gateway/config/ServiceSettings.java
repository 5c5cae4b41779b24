package org.starhash.gateway.config;

import java.util.List;
import java.util.Objects;

/**
 * The operator's choices for the USSD services (SERVICES.md §1): amounts, caps, prices and defaults.
 *
 * @param sender                 the number SMS from the gateway itself come from, such as 7070
 * @param topupAmountsCents      the amounts a Polni zame top-up may have
 * @param topupDailyLimitCents   the most one sender may top up in a day
 * @param callbackDailyLimit     the most "Prosim, pokliči me!" messages one sender may send in a day
 * @param collectCallPriceCents  what the callee of a collect call pays per 10 minutes
 * @param collectCallNotifyUssd  tell the caller the callee's answer by a USSD notice instead of an SMS
 * @param defaultBarringPin      the call-barring PIN of a subscriber who never changed it
 * @param maxWrongPins           wrong PINs in a row that lock barring changes until the operator resets them
 * @param defaultRingSeconds     the ring time of a no-reply forwarding registered without one
 */
public record ServiceSettings(String sender, List<Long> topupAmountsCents, long topupDailyLimitCents,
                              int callbackDailyLimit, long collectCallPriceCents, boolean collectCallNotifyUssd,
                              String defaultBarringPin, int maxWrongPins, int defaultRingSeconds) {

    /** The shortest and longest ring time before a no-reply forwarding (3GPP TS 22.082). */
    public static final int MIN_RING_SECONDS = 5;
    public static final int MAX_RING_SECONDS = 30;

    public ServiceSettings {
        Objects.requireNonNull(sender, "sender");
        topupAmountsCents = List.copyOf(topupAmountsCents);
        Objects.requireNonNull(defaultBarringPin, "defaultBarringPin");
    }
}
