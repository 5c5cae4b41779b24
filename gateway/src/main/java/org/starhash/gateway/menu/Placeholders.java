package org.starhash.gateway.menu;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code {name}} placeholders of menu texts: the names a text uses, and the text with them filled. */
final class Placeholders {

    /** Anything in braces, so that a misspelt name is found and refused at load rather than shown. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");

    private Placeholders() {
    }

    /** The names a text uses, in order. */
    static List<String> names(String text) {
        List<String> names = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** The text with each placeholder replaced by its value; one without a value stays as written. */
    static String fill(String text, Function<String, String> value) {
        if (text.indexOf('{') < 0) {
            return text;
        }
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = value.apply(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(v == null ? m.group() : v));
        }
        m.appendTail(out);
        return out.toString();
    }
}
