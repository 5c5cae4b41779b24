package org.starhash.gateway.store;

import java.time.LocalDate;

/**
 * The day a subscriber was last sent the prices of a country's network, keyed by {@code MSISDN:COUNTRY}: at most
 * one such SMS per country a day.
 */
public final class RoamingNotices {

    private static final int VERSION = 1;

    public static final Table<LocalDate> TABLE = new Table<>("roaming_notices", new Codec<>() {
        @Override
        public byte[] encode(LocalDate day) {
            return new BinaryOut(8).u8(VERSION).i32((int) day.toEpochDay()).toBytes();
        }

        @Override
        public LocalDate decode(byte[] bytes) {
            BinaryIn in = new BinaryIn(bytes);
            int version = in.u8();
            if (version != VERSION) {
                throw new IllegalStateException("unknown roaming notice record version " + version);
            }
            return LocalDate.ofEpochDay(in.i32());
        }
    });

    private RoamingNotices() {
    }

    /** The key of a subscriber in a country. */
    public static String key(String msisdn, String country) {
        return msisdn + ":" + country;
    }
}
