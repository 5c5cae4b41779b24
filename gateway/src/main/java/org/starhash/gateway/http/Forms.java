package org.starhash.gateway.http;

import io.netty.handler.codec.http.QueryStringDecoder;
import org.starhash.gateway.faults.FaultLog;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * A strict reader of {@code application/x-www-form-urlencoded} bodies: a bad percent escape, a field given twice
 * or a field without a name is refused with one line that names it, where a lax reader would guess.
 */
final class Forms {

    /** A body that is not a valid form; the message says what and where, for a 400. */
    static final class BadForm extends Exception {
        BadForm(String message) {
            super(message, null, false, false);
        }
    }

    private Forms() {
    }

    static Map<String, String> parse(String body) throws BadForm {
        Map<String, String> fields = new HashMap<>();
        if (body.isEmpty()) {
            return fields;
        }
        for (String pair : body.split("&", -1)) {
            int eq = pair.indexOf('=');
            String rawName = eq < 0 ? pair : pair.substring(0, eq);
            String rawValue = eq < 0 ? "" : pair.substring(eq + 1);
            String name = decode(rawName, "a field name '" + shorten(rawName) + "'");
            if (name.isEmpty()) {
                throw new BadForm("a form field has no name");
            }
            String value = decode(rawValue, "the field " + name);
            if (fields.put(name, value) != null) {
                throw new BadForm("the field " + name + " is given twice");
            }
        }
        return fields;
    }

    private static String decode(String raw, String what) throws BadForm {
        try {
            return QueryStringDecoder.decodeComponent(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new BadForm("bad percent escape in " + what + ": " + FaultLog.printable(e.getMessage()));
        }
    }

    private static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
