package org.starhash.gateway.config;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A text from the config with {@code {name}} placeholders, checked at load so a typo never reaches a handset. */
public final class Template {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");

    private final String text;
    private final Set<String> placeholders;

    private Template(String text, Set<String> placeholders) {
        this.text = text;
        this.placeholders = placeholders;
    }

    /** Parses a text; a placeholder outside {@code allowed} is an error naming it. */
    static Template parse(String text, Set<String> allowed) {
        Set<String> found = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            if (!allowed.contains(m.group(1))) {
                throw new IllegalArgumentException("unknown placeholder {" + m.group(1) + "}"
                        + (allowed.isEmpty() ? ", this text takes none" : ", this text knows " + allowed));
            }
            found.add(m.group(1));
        }
        return new Template(text, Set.copyOf(found));
    }

    /** Fills in the placeholders; a value not given leaves its placeholder as written. */
    public String render(Map<String, String> values) {
        if (placeholders.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 32);
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    @Override
    public String toString() {
        return text;
    }
}
