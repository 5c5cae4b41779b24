package org.starhash.gateway.services;

import java.util.Map;
import java.util.Objects;

/**
 * A network-initiated USSD question to another subscriber; their answer (or its absence) is given to a service.
 *
 * @param to     the asked subscriber, normalized
 * @param from   the sender the handset shows
 * @param text   the question
 * @param action the service that takes the answer
 * @param params what that service needs to know besides the answer
 */
public record Question(String to, String from, String text, String action, Map<String, String> params) {

    public Question {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(action, "action");
        params = Map.copyOf(params);
    }
}
