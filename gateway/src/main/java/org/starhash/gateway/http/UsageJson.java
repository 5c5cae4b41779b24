package org.starhash.gateway.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.starhash.gateway.engine.UsageResults;
import org.starhash.gateway.values.Money;
import org.starhash.gateway.values.Numbering;
import org.starhash.gateway.values.UsageEvent;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The JSON of {@code POST /admin/usage}: one event object, or {@code {"events": [...]}} with 1 to 1,000; every
 * field checked, an unknown one refused, each error naming the event and the field ("events[3].amount: ...").
 */
final class UsageJson {

    /** The most events one batch may carry. */
    static final int MAX_EVENTS = 1000;
    private static final int MAX_ID = 100;
    private static final Set<String> COMMON = Set.of("id", "msisdn", "kind", "at");
    private static final Map<String, Set<String>> FIELDS = Map.of(
            "data_roaming", Set.of("zone", "amount", "mb"),
            "premium", Set.of("amount", "number", "roaming"),
            "extra_spend", Set.of("amount"),
            "package", Set.of("minutes", "sms", "mb"));

    /** A field that is missing or wrong. */
    static final class Bad extends Exception {
        Bad(String message) {
            super(message);
        }
    }

    private UsageJson() {
    }

    /** The events of a body. */
    static List<UsageEvent> events(JsonNode body, Numbering numbering, Instant now) throws Bad {
        if (body == null || !body.isObject()) {
            throw new Bad("the body is not a JSON object: give one event, or {\"events\": [...]}");
        }
        if (!body.has("events")) {
            return List.of(event(body, "", numbering, now));
        }
        if (body.size() != 1) {
            throw new Bad("a batch has only the field \"events\"");
        }
        JsonNode events = body.get("events");
        if (!events.isArray() || events.isEmpty() || events.size() > MAX_EVENTS) {
            throw new Bad("events: an array of 1 to " + MAX_EVENTS + " events");
        }
        List<UsageEvent> parsed = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            parsed.add(event(events.get(i), "events[" + i + "]", numbering, now));
        }
        return parsed;
    }

    private static UsageEvent event(JsonNode e, String at, Numbering numbering, Instant now) throws Bad {
        String where = at.isEmpty() ? "" : at + ".";
        if (!e.isObject()) {
            throw new Bad((at.isEmpty() ? "the event" : at) + ": not a JSON object");
        }
        String id = text(e, where, "id");
        if (id.length() > MAX_ID) {
            throw new Bad(where + "id: " + id.length() + " characters; at most " + MAX_ID);
        }
        String written = text(e, where, "msisdn");
        String msisdn = numbering.normalize(written).orElseThrow(() -> new Bad(where + "msisdn: '"
                + (written.length() > MAX_ID ? written.substring(0, MAX_ID) + "..." : written) + "' is not a phone number"));
        String kind = text(e, where, "kind");
        Set<String> own = FIELDS.get(kind);
        if (own == null) {
            throw new Bad(where + "kind: '" + shown(kind) + "' is none of data_roaming, premium, extra_spend, package");
        }
        for (Iterator<String> names = e.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!COMMON.contains(name) && !own.contains(name)) {
                throw new Bad(where + shown(name) + ": not a field of a " + kind + " event");
            }
        }
        Instant when = now;
        if (e.has("at")) {
            try {
                when = Instant.parse(text(e, where, "at"));
            } catch (DateTimeParseException bad) {
                throw new Bad(where + "at: '" + shown(e.get("at").asText()) + "' is not an ISO-8601 instant such as 2026-12-04T10:15:30Z");
            }
        }
        return switch (kind) {
            case "data_roaming" -> {
                String zone = text(e, where, "zone");
                if (!zone.equals("eu") && !zone.equals("non_eu")) {
                    throw new Bad(where + "zone: '" + shown(zone) + "' is neither eu nor non_eu");
                }
                yield new UsageEvent.DataRoaming(id, msisdn, when, zone.equals("eu"), amount(e, where), whole(e, where, "mb"));
            }
            case "premium" -> {
                Optional<String> roaming = Optional.empty();
                if (e.has("roaming")) {
                    String r = text(e, where, "roaming");
                    if (!r.equals("national") && !r.equals("abroad")) {
                        throw new Bad(where + "roaming: '" + shown(r) + "' is neither national nor abroad");
                    }
                    roaming = Optional.of(r);
                }
                yield new UsageEvent.Premium(id, msisdn, when, amount(e, where), text(e, where, "number"), roaming);
            }
            case "extra_spend" -> new UsageEvent.ExtraSpend(id, msisdn, when, amount(e, where));
            default -> new UsageEvent.PackageUse(id, msisdn, when, whole(e, where, "minutes"), whole(e, where, "sms"),
                    whole(e, where, "mb"));
        };
    }

    private static String text(JsonNode e, String where, String field) throws Bad {
        JsonNode value = e.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new Bad(where + field + ": a non-empty string is required");
        }
        return value.asText().strip();
    }

    /** EUR as a string, "12.50": whole cents, not negative. */
    private static long amount(JsonNode e, String where) throws Bad {
        JsonNode value = e.get("amount");
        if (value == null || !value.isTextual()) {
            throw new Bad(where + "amount: EUR as a string, such as \"12.50\", is required");
        }
        long cents;
        try {
            cents = Money.parseCents(value.asText());
        } catch (IllegalArgumentException | ArithmeticException bad) {
            throw new Bad(where + "amount: '" + shown(value.asText()) + "' is not an amount in EUR with at most two decimals");
        }
        if (cents < 0 || cents > 100_000_000L) {
            throw new Bad(where + "amount: " + shown(value.asText()) + " EUR is out of range (0 to 1000000)");
        }
        return cents;
    }

    /** An optional whole number, not negative; 0 when absent. */
    private static long whole(JsonNode e, String where, String field) throws Bad {
        JsonNode value = e.get(field);
        if (value == null) {
            return 0;
        }
        if (!value.isIntegralNumber() || value.asLong() < 0 || !value.canConvertToLong() || value.asLong() > 10_000_000L) {
            throw new Bad(where + field + ": a whole number from 0 to 10000000");
        }
        return value.asLong();
    }

    private static String shown(String text) {
        return text.length() > MAX_ID ? text.substring(0, MAX_ID) + "..." : text;
    }

    /** The answer of a counted batch. */
    static ObjectNode answer(UsageResults counted, ObjectNode root) {
        ArrayNode results = root.putArray("results");
        for (UsageResults.Event e : counted.results()) {
            ObjectNode r = results.addObject().put("id", e.id()).put("result", e.result());
            if (!e.reason().isEmpty()) {
                r.put("reason", e.reason());
            }
            ArrayNode actions = r.putArray("actions");
            e.actions().forEach(actions::add);
        }
        return root;
    }
}
