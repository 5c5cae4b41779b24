package org.starhash.gateway.store;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What a subscriber used of the services with a daily cap, on one day; read for another day it counts as
 * nothing, so a new day starts from zero without any job.
 *
 * @param day         the day the counts belong to, in the operator's time zone
 * @param topupCents  Polni zame top-ups sent
 * @param callbacks   "Prosim, pokliči me!" messages sent
 */
public record DailyUse(LocalDate day, long topupCents, int callbacks) {

    private static final int VERSION = 1;

    /** Per subscriber, keyed by normalized MSISDN. */
    public static final Table<DailyUse> TABLE = new Table<>("daily_use", new Codec<>() {
        @Override
        public byte[] encode(DailyUse u) {
            return new BinaryOut(24).u8(VERSION).i64(u.day().toEpochDay()).i64(u.topupCents()).i32(u.callbacks())
                    .toBytes();
        }

        @Override
        public DailyUse decode(byte[] bytes) {
            BinaryIn in = new BinaryIn(bytes);
            int version = in.u8();
            if (version != VERSION) {
                throw new IllegalStateException("unknown daily use record version " + version);
            }
            return new DailyUse(LocalDate.ofEpochDay(in.i64()), in.i64(), in.i32());
        }
    });

    public DailyUse {
        Objects.requireNonNull(day, "day");
    }

    /** A subscriber's use on a day as it stands. */
    public static DailyUse of(Lookup state, String msisdn, LocalDate day) {
        return state.get(TABLE, msisdn).filter(u -> u.day().equals(day)).orElse(new DailyUse(day, 0, 0));
    }

    public DailyUse plusTopup(long cents) {
        return new DailyUse(day, topupCents + cents, callbacks);
    }

    public DailyUse plusCallback() {
        return new DailyUse(day, topupCents, callbacks + 1);
    }
}
