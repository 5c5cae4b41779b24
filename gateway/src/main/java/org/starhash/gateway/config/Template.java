package org.starhash.gateway.config;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A text from the config with {@code {name}} placeholders, checked at load so a typo never reaches a handset. */
public final class Template {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");

    private final String text;
    private final Set<String> placeholders;
    /** The text cut at its placeholders: literal, name, literal, name, ..., literal. */
    private final String[] pieces;

    private Template(String text, Set<String> placeholders, String[] pieces) {
        this.text = text;
        this.placeholders = placeholders;
        this.pieces = pieces;
    }

    /** Parses a text; a placeholder outside {@code allowed} is an error naming it. */
    static Template parse(String text, Set<String> allowed) {
        Set<String> found = new LinkedHashSet<>();
        List<String> pieces = new ArrayList<>();
        int literalFrom = 0;
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            pieces.add(text.substring(literalFrom, m.start()));
            pieces.add(m.group(1));
            literalFrom = m.end();
            if (!allowed.contains(m.group(1))) {
                throw new IllegalArgumentException("unknown placeholder {" + m.group(1) + "}"
                        + (allowed.isEmpty() ? ", this text takes none" : ", this text knows " + allowed));
            }
            found.add(m.group(1));
        }
        pieces.add(text.substring(literalFrom));
        return new Template(text, Set.copyOf(found), pieces.toArray(String[]::new));
    }

    /** Fills in the placeholders; a value not given leaves its placeholder as written. */
    public String render(Map<String, String> values) {
        if (placeholders.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 32);
        for (int i = 0; i < pieces.length; i++) {
            if (i % 2 == 0) {
                out.append(pieces[i]);
            } else {
                String value = values.get(pieces[i]);
                out.append(value == null ? "{" + pieces[i] + "}" : value);
            }
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return text;
    }
}
