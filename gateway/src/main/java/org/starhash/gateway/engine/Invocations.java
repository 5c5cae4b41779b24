package org.starhash.gateway.engine;

import org.starhash.gateway.services.Invocation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/** Makes the calls of services at this moment, in the operator's time zone, each with an id of its own. */
final class Invocations {

    private final Clock clock;
    private final RequestIds ids;

    /** @param clock the service clock, in the operator's zone */
    Invocations(Clock clock) {
        this.clock = clock;
        // The wall clock, not the service clock: ids must differ across restarts even when the service time does not.
        this.ids = new RequestIds(System.currentTimeMillis());
    }

    /** A call by a subscriber or about one. */
    Invocation make(String msisdn, String to, String code, String procedure, String keyword, List<String> args) {
        Instant now = clock.instant();
        LocalDate day = LocalDate.ofInstant(now, clock.getZone());
        return new Invocation(ids.next(), msisdn, to, code, procedure, keyword, args, Map.of(), now, day,
                YearMonth.from(day));
    }

    /** The service clock's now. */
    java.time.Instant now() {
        return clock.instant();
    }

    /** A call about a subscriber that no request of theirs carries. */
    Invocation about(String msisdn) {
        return make(msisdn, "", "", "", "", List.of());
    }
}
