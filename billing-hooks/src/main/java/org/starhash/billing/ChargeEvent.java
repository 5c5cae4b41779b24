package org.starhash.billing;

import java.time.Instant;
import java.util.Objects;

/**
 * One chargeable event, as the billing system rates it; the id is unique so a repeated delivery can be recognised.
 *
 * @param id          unique id of the event, stable across redelivery
 * @param at          when the event happened
 * @param msisdn      the charged subscriber, international digits
 * @param service     what was used, for example {@code sms:7070:PORABA}
 * @param units       how many units of the service (SMS segments, for example)
 * @param amountCents the price in euro cents (0 for an event that is only recorded)
 * @param vatExempt   true when the amount carries no VAT (donations)
 */
public record ChargeEvent(String id, Instant at, String msisdn, String service, int units, long amountCents,
                          boolean vatExempt) {

    public ChargeEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(msisdn, "msisdn");
        Objects.requireNonNull(service, "service");
        if (id.isBlank()) {
            throw new IllegalArgumentException("charge event id is blank");
        }
        if (units < 0 || amountCents < 0) {
            throw new IllegalArgumentException("charge event " + id + " has a negative units or amount");
        }
    }
}
