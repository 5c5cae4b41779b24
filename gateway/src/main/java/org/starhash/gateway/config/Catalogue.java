package org.starhash.gateway.config;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The services and add-on packages subscribers switch on and off by USSD and SMS (SERVICES.md §6; seeds 001 and
 * 004), in the order of {@code services.catalogue}, with the kind that says how each is charged and when it ends.
 *
 * @param offers every entry, in the order of the file
 */
public record Catalogue(List<Offer> offers) {

    public Catalogue {
        offers = List.copyOf(offers);
    }

    /** How a service is charged and ended (seed 001, "Postopek vklopa/izklopa storitev za naročnike"). */
    public enum Kind {
        /** On at once, indefinitely; off at once. */
        FREE,
        /** On at once; each use charged by the price list; off at once. */
        PAY_PER_USE,
        /** A monthly fee, indefinite: the period's full fee at switch-on; a switch-off takes effect at its end. */
        MONTHLY,
        /** A monthly fee for the current month only: each switch-on charged in full; it ends with the period. */
        MONTHLY_CURRENT,
        /** A fixed validity of some days; it ends by itself and cannot be switched off early. */
        FIXED,
        /** Charged pro rata for the days it was on in the period. */
        PRORATED,
        /** Special terms, shown and accepted before it is switched on. */
        SPECIAL;

        /** The name in the file: {@code pay_per_use}. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One entry.
     *
     * @param id         lower-case letters and digits, as keywords name it ({@code VKLOP ZDA})
     * @param name       as subscribers see it
     * @param kind       how it is charged and ended
     * @param priceCents the fee (or the price of one use), 0 for a free one
     * @param days       the validity of a fixed one, 0 for the others
     * @param terms      the special terms of a special one
     * @param postpaid   postpaid subscribers may have it
     * @param prepaid    prepaid users may have it
     */
    public record Offer(String id, String name, Kind kind, long priceCents, int days, Optional<String> terms,
                        boolean postpaid, boolean prepaid) {
        public Offer {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(terms, "terms");
        }
    }

    /** The entry of an id, written in any case. */
    public Optional<Offer> offer(String id) {
        String wanted = id.toLowerCase(Locale.ROOT);
        return offers.stream().filter(o -> o.id().equals(wanted)).findFirst();
    }
}
