package org.starhash.gateway.services;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A call of a service by a subscriber.
 *
 * @param requestId unique id of the request, also the id of its charge events
 * @param msisdn    the caller, normalized
 * @param to        the short number or USSD service code called
 * @param args      what followed the keyword or the service code
 * @param params    the parameters a menu action gives, empty otherwise
 * @param now       when the request arrived
 * @param month     the billing period of {@code now}
 */
public record Invocation(String requestId, String msisdn, String to, List<String> args, Map<String, String> params,
                         Instant now, YearMonth month) {

    public Invocation {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(msisdn, "msisdn");
        Objects.requireNonNull(to, "to");
        args = List.copyOf(args);
        params = Map.copyOf(params);
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(month, "month");
    }
}
