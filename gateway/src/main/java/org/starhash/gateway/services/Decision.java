package org.starhash.gateway.services;

import org.starhash.billing.ChargeEvent;
import org.starhash.gateway.store.Put;

import java.util.List;
import java.util.Objects;

/**
 * What a service decided: the text for the caller, the subscribers it changes and what it charges.
 *
 * @param text    the answer shown to the caller
 * @param updates the values it stores, applied atomically
 * @param charges charge events beyond the MO SMS itself
 */
public record Decision(String text, List<Put<?>> updates, List<ChargeEvent> charges) {

    public Decision {
        Objects.requireNonNull(text, "text");
        updates = List.copyOf(updates);
        charges = List.copyOf(charges);
    }

    /** An answer that changes nothing. */
    public static Decision answer(String text) {
        return new Decision(text, List.of(), List.of());
    }
}
