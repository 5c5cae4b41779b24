package org.starhash.gateway.engine;

import org.starhash.billing.ChargeEvent;
import org.starhash.gateway.ussd.Dialogue;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a transaction decided, handed back by the writer: the answer, the dialogue it leaves open, and the charges
 * to dispatch once durable.
 *
 * @param text     the answer
 * @param dialogue the USSD dialogue that goes on, empty when the exchange ends
 * @param charges  charge events, already stored as pending
 */
record Outcome(String text, Optional<Dialogue> dialogue, List<ChargeEvent> charges) {

    Outcome {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(dialogue, "dialogue");
        charges = List.copyOf(charges);
    }

    static Outcome end(String text) {
        return new Outcome(text, Optional.empty(), List.of());
    }
}
