package org.starhash.gateway.store;

import java.time.LocalDate;

/** The codec of tables whose values are a day: when something was last done, or counted. */
final class Days {

    private static final int VERSION = 1;

    private Days() {
    }

    /** A day as a version byte and its epoch day; {@code what} names the record in errors. */
    static Codec<LocalDate> codec(String what) {
        return new Codec<>() {
            @Override
            public byte[] encode(LocalDate day) {
                return new BinaryOut(8).u8(VERSION).i32((int) day.toEpochDay()).toBytes();
            }

            @Override
            public LocalDate decode(byte[] bytes) {
                BinaryIn in = new BinaryIn(bytes);
                int version = in.u8();
                if (version != VERSION) {
                    throw new IllegalStateException("unknown " + what + " record version " + version);
                }
                return LocalDate.ofEpochDay(in.i32());
            }
        };
    }
}
