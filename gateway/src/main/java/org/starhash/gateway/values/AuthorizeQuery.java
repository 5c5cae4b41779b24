package org.starhash.gateway.values;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the network asks before it lets a subscriber do something ({@code POST /admin/authorize}).
 *
 * @param msisdn  the subscriber, normalized
 * @param service what they want: one of {@link #SERVICES}
 * @param zone    for {@code data_roaming}: {@code eu} or {@code non_eu}
 * @param roaming for calls and 090: {@code national} or {@code abroad} when roaming
 */
public record AuthorizeQuery(String msisdn, String service, Optional<String> zone, Optional<String> roaming) {

    /** The services the network may ask about. */
    public static final Set<String> SERVICES = Set.of("data_roaming", "data_national_roaming", "data", "premium",
            "outgoing_call", "international_call", "incoming_call", "roaming", "commercial_sms");

    public AuthorizeQuery {
        Objects.requireNonNull(msisdn, "msisdn");
        if (!SERVICES.contains(service)) {
            throw new IllegalArgumentException("unknown service " + service);
        }
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(roaming, "roaming");
    }
}
