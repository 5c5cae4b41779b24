package org.starhash.gateway.store;

import java.time.LocalDate;

/**
 * The ids of the usage events counted, each with the day it was counted: the same id again changes nothing, also
 * after a restart.
 */
public final class UsageIds {

    private static final int VERSION = 1;

    /** Keyed by the event id the network gave. */
    public static final Table<LocalDate> TABLE = new Table<>("usage_ids", new Codec<>() {
        @Override
        public byte[] encode(LocalDate day) {
            return new BinaryOut(8).u8(VERSION).i32((int) day.toEpochDay()).toBytes();
        }

        @Override
        public LocalDate decode(byte[] bytes) {
            BinaryIn in = new BinaryIn(bytes);
            int version = in.u8();
            if (version != VERSION) {
                throw new IllegalStateException("unknown usage id record version " + version);
            }
            return LocalDate.ofEpochDay(in.i32());
        }
    });

    private UsageIds() {
    }
}
