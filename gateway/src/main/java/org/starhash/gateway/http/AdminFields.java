package org.starhash.gateway.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.starhash.gateway.values.Money;
import org.starhash.gateway.values.Numbering;

import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The fields of an admin API body, each read with the one rule every endpoint shares and refused with a message
 * that names the field ({@link Bad}). A value is echoed in a message only where it is no secret.
 */
final class AdminFields {

    /** Longest string field but a storm alert's text; an MSISDN, a place or a provider is far shorter. */
    static final int MAX_FIELD = 100;
    /** A storm alert's text: with "NEURJE {place}: ... Radar: {link}" about 3 SMS in GSM 7-bit, 6 in UCS-2. */
    static final int MAX_ALERT_TEXT = 300;

    private final Numbering numbering;

    AdminFields(Numbering numbering) {
        this.numbering = numbering;
    }

    /** A field of the body that is missing or wrong. */
    static final class Bad extends Exception {
        Bad(String message) {
            super(message);
        }
    }

    /** A non-empty string of at most {@link #MAX_FIELD} characters, stripped. */
    static String text(JsonNode body, String field) throws Bad {
        return text(body, field, MAX_FIELD);
    }

    static String text(JsonNode body, String field, int max) throws Bad {
        JsonNode value = body.get(field);
        if (value != null && value.isTextual() && value.asText().length() > max) {
            throw new Bad("the field \"" + field + "\" is " + value.asText().length() + " characters; at most " + max);
        }
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new Bad("the field \"" + field + "\" (a non-empty string) is required");
        }
        return value.asText().strip();
    }

    /** A string that must be one of {@code allowed}. */
    static String oneOf(JsonNode body, String field, List<String> allowed) throws Bad {
        String value = text(body, field);
        if (!allowed.contains(value)) {
            throw new Bad("\"" + field + "\": '" + value + "' is " + (allowed.size() == 2
                    ? "neither " + allowed.get(0) + " nor " + allowed.get(1) : "none of " + String.join(", ", allowed)));
        }
        return value;
    }

    /** The largest amount a field takes, in cents: 1,000,000 EUR, as a usage event's. */
    static final long MAX_CENTS = 100_000_000L;

    /** An amount in euros as a string ("23.10"), from 0 to 1,000,000, in cents. */
    static long euros(JsonNode body, String field) throws Bad {
        String amount = text(body, field);
        long cents;
        try {
            cents = Money.parseCents(amount);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new Bad("\"" + field + "\": '" + amount + "' is not an amount in euros such as \"23.10\"");
        }
        if (cents < 0) {
            throw new Bad("\"" + field + "\": '" + amount + "' is below zero");
        }
        if (cents > MAX_CENTS) {
            throw new Bad("\"" + field + "\": '" + amount + "' is more than 1000000 EUR");
        }
        return cents;
    }

    /** Refuses a body with a field {@code known} does not name; {@code what} says what the body is. */
    static void only(JsonNode body, Set<String> known, String what) throws Bad {
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new Bad("\"" + (name.length() > MAX_FIELD ? name.substring(0, MAX_FIELD) : name) + "\": not a field of " + what);
            }
        }
    }

    /** A phone number as a string, normalized by the numbering plan. */
    String msisdn(JsonNode body, String field) throws Bad {
        JsonNode value = body.get(field);
        if (value == null || !value.isTextual()) {
            throw new Bad("the field \"" + field + "\" (a phone number as a string) is required");
        }
        if (value.asText().length() > MAX_FIELD) {
            throw new Bad("the field \"" + field + "\" is " + value.asText().length() + " characters; no phone number is");
        }
        Optional<String> normalized = numbering.normalize(value.asText());
        if (normalized.isEmpty()) {
            throw new Bad("\"" + field + "\": '" + value.asText() + "' is not a phone number");
        }
        return normalized.get();
    }
}
