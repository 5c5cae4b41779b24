package org.starhash.gateway.engine;

import org.starhash.gateway.ussd.Dialogue;

import java.util.Objects;
import java.util.Optional;

/**
 * What a transaction decided, handed back by the writer: the answer, the dialogue it leaves open, and what to
 * hand on once durable.
 *
 * @param text     the answer
 * @param dialogue the USSD dialogue that goes on, empty when the exchange ends
 * @param effects  charges, outbox messages and questions, already stored
 */
record Outcome(String text, Optional<Dialogue> dialogue, Effects effects) {

    Outcome {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(dialogue, "dialogue");
        Objects.requireNonNull(effects, "effects");
    }

    static Outcome end(String text) {
        return new Outcome(text, Optional.empty(), Effects.NONE);
    }
}
