package org.starhash.gateway.config;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A short number that takes keyword SMS.
 *
 * @param number       the short number, for example 7070
 * @param moPriceCents what one MO SMS (one segment) to it costs, in cents
 * @param keywords     service names by keyword, keywords upper-case without diacritics
 * @param free         keywords whose MO costs nothing
 * @param anyText      the service a text that starts with no keyword goes to (1188 takes any words); empty when
 *                     such a text gets the list of keywords
 */
public record ShortNumberRoute(String number, long moPriceCents, Map<String, String> keywords, Set<String> free,
                               Optional<String> anyText) {

    public ShortNumberRoute {
        keywords = Map.copyOf(keywords);
        free = Set.copyOf(free);
    }

    /** A number whose every keyword costs the MO price. */
    public ShortNumberRoute(String number, long moPriceCents, Map<String, String> keywords) {
        this(number, moPriceCents, keywords, Set.of(), Optional.empty());
    }
}
