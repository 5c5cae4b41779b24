package org.starhash.gateway.values;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the billing or mediation system reports a subscriber used (SERVICES.md §3): the counters of the limits
 * and of the package follow these. Every event has an id, its idempotency key.
 */
public sealed interface UsageEvent {

    /** The network's id of the event; the same id again counts nothing. */
    String id();

    /** The subscriber, normalized. */
    String msisdn();

    /** When it was used; with the operator's zone it decides the billing month. */
    Instant at();

    /** Data used in roaming, in EU countries or outside the EU. */
    record DataRoaming(String id, String msisdn, Instant at, boolean eu, long cents, long mb) implements UsageEvent {
        public DataRoaming {
            check(id, msisdn, at, cents);
            if (mb < 0) {
                throw new IllegalArgumentException("mb cannot be negative");
            }
        }
    }

    /**
     * A call to a 090 number.
     *
     * @param roaming {@code national} or {@code abroad} when the caller was roaming (such a call is refused)
     */
    record Premium(String id, String msisdn, Instant at, long cents, String number, Optional<String> roaming)
            implements UsageEvent {
        public Premium {
            check(id, msisdn, at, cents);
            Objects.requireNonNull(number, "number");
            Objects.requireNonNull(roaming, "roaming");
        }
    }

    /** Spend outside the package: a postpaid bill's extra spend, or taken from a prepaid balance. */
    record ExtraSpend(String id, String msisdn, Instant at, long cents) implements UsageEvent {
        public ExtraSpend {
            check(id, msisdn, at, cents);
        }
    }

    /** Units used from the package. */
    record PackageUse(String id, String msisdn, Instant at, long minutes, long sms, long mb) implements UsageEvent {
        public PackageUse {
            check(id, msisdn, at, 0);
            if (minutes < 0 || sms < 0 || mb < 0) {
                throw new IllegalArgumentException("package units cannot be negative");
            }
        }
    }

    private static void check(String id, String msisdn, Instant at, long cents) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(msisdn, "msisdn");
        Objects.requireNonNull(at, "at");
        if (cents < 0) {
            throw new IllegalArgumentException("an amount cannot be negative");
        }
    }
}
