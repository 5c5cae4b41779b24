package org.starhash.gateway.config;

import java.util.Map;

/**
 * A short number that takes keyword SMS.
 *
 * @param number       the short number, for example 7070
 * @param moPriceCents what one MO SMS to it costs, in cents
 * @param keywords     service names by keyword, keywords upper-case without diacritics
 */
public record ShortNumberRoute(String number, long moPriceCents, Map<String, String> keywords) {

    public ShortNumberRoute {
        keywords = Map.copyOf(keywords);
    }
}
