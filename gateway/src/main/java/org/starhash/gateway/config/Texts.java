package org.starhash.gateway.config;

import java.util.EnumMap;
import java.util.Map;

/** The texts sent to handsets, every one present and its placeholders checked. */
public final class Texts {

    private final Map<TextKey, Template> templates;

    Texts(Map<TextKey, Template> templates) {
        this.templates = new EnumMap<>(templates);
        for (TextKey key : TextKey.values()) {
            if (!this.templates.containsKey(key)) {
                throw new IllegalArgumentException("missing text " + key.key());
            }
        }
    }

    public String render(TextKey key, Map<String, String> values) {
        return templates.get(key).render(values);
    }
}
