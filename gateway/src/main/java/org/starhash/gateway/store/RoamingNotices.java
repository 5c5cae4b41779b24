package org.starhash.gateway.store;

import java.time.LocalDate;

/**
 * The day a subscriber was last sent the prices of a country's network, keyed by {@code MSISDN:COUNTRY}: at most
 * one such SMS per country a day.
 */
public final class RoamingNotices {

    public static final Table<LocalDate> TABLE = new Table<>("roaming_notices", Days.codec("roaming notice"));

    private RoamingNotices() {
    }

    /** The key of a subscriber in a country. */
    public static String key(String msisdn, String country) {
        return msisdn + ":" + country;
    }
}
