package org.starhash.gateway.services;

import org.starhash.billing.ChargeEvent;
import org.starhash.gateway.store.Put;
import org.starhash.gateway.values.OutboxMessage;

import java.util.List;
import java.util.Objects;

/**
 * What a service decided: the text for the caller, the values it stores, what it charges, and what it sends to
 * other handsets; all of it becomes durable together.
 *
 * @param text      the answer shown to the caller
 * @param updates   the values it stores, applied atomically
 * @param charges   charge events beyond the MO SMS itself
 * @param messages  messages to other handsets, written to the outbox in the same commit
 * @param questions network-initiated USSD questions to other subscribers
 */
public record Decision(String text, List<Put<?>> updates, List<ChargeEvent> charges, List<OutboxMessage> messages,
                       List<Question> questions) {

    public Decision {
        Objects.requireNonNull(text, "text");
        updates = List.copyOf(updates);
        charges = List.copyOf(charges);
        messages = List.copyOf(messages);
        questions = List.copyOf(questions);
    }

    /** A decision that sends nothing to anybody else. */
    public Decision(String text, List<Put<?>> updates, List<ChargeEvent> charges) {
        this(text, updates, charges, List.of(), List.of());
    }

    /** An answer that changes nothing. */
    public static Decision answer(String text) {
        return new Decision(text, List.of(), List.of());
    }
}
