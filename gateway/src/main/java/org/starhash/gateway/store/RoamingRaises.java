package org.starhash.gateway.store;

import java.time.YearMonth;
import java.util.Optional;

/**
 * The month a subscriber last raised the roaming data limit by SMS (GPRS TUJINA), keyed by normalized MSISDN;
 * a raise counts for that month only, so a new month needs no job.
 */
public final class RoamingRaises {

    private static final int VERSION = 1;

    public static final Table<YearMonth> TABLE = new Table<>("roaming_raises", new Codec<>() {
        @Override
        public byte[] encode(YearMonth month) {
            return new BinaryOut(6).u8(VERSION).i32(month.getYear()).u8(month.getMonthValue()).toBytes();
        }

        @Override
        public YearMonth decode(byte[] bytes) {
            BinaryIn in = new BinaryIn(bytes);
            int version = in.u8();
            if (version != VERSION) {
                throw new IllegalStateException("unknown roaming raise record version " + version);
            }
            return YearMonth.of(in.i32(), in.u8());
        }
    });

    private RoamingRaises() {
    }

    /** Whether the subscriber already raised the limit in the month. */
    public static boolean raisedIn(Lookup state, String msisdn, YearMonth month) {
        Optional<YearMonth> last = state.get(TABLE, msisdn);
        return last.isPresent() && last.get().equals(month);
    }
}
