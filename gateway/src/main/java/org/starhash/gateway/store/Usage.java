package org.starhash.gateway.store;

import java.time.YearMonth;
import java.util.Objects;

/**
 * What a subscriber used in a billing month that the limits count (SERVICES.md §3), as usage events report it.
 * Read for another month it is zero, so a new month starts every counter and lifts every automatic bar with no
 * job: the bars are not stored, they follow from these counters and the limits.
 *
 * @param month        the billing month
 * @param euCents      data roaming in EU countries
 * @param nonEuCents   data roaming outside the EU
 * @param nonEuMbPast  outside the EU, the MB used once the money limit was reached (counted against the raise)
 * @param premiumCents calls to 090 numbers
 * @param alerted      the limits whose SMS was sent this month ({@link #EU}, {@link #EU_RAISED}, ...)
 * @param spendTold    the extra-spend threshold last told this month, in cents (0 for none): a higher one set
 *                     later alerts again
 */
public record Usage(YearMonth month, long euCents, long nonEuCents, long nonEuMbPast, long premiumCents, int alerted,
                    long spendTold) {

    /** The roaming limit in EU countries was told. */
    public static final int EU = 1;
    /** The raised roaming limit in EU countries was told. */
    public static final int EU_RAISED = 2;
    /** The roaming limit outside the EU was told. */
    public static final int NON_EU = 4;
    /** The raise outside the EU was used up, and told. */
    public static final int NON_EU_RAISED = 8;
    /** The 090 limit was told. */
    public static final int PREMIUM = 16;

    private static final int VERSION = 1;

    /** Per subscriber, keyed by normalized MSISDN. */
    public static final Table<Usage> TABLE = new Table<>("usage", new Codec<>() {
        @Override
        public byte[] encode(Usage u) {
            return new BinaryOut(48).u8(VERSION).i32(u.month().getYear()).u8(u.month().getMonthValue())
                    .i64(u.euCents()).i64(u.nonEuCents()).i64(u.nonEuMbPast()).i64(u.premiumCents()).i32(u.alerted())
                    .i64(u.spendTold()).toBytes();
        }

        @Override
        public Usage decode(byte[] bytes) {
            BinaryIn in = new BinaryIn(bytes);
            int version = in.u8();
            if (version != VERSION) {
                throw new IllegalStateException("unknown usage record version " + version);
            }
            return new Usage(YearMonth.of(in.i32(), in.u8()), in.i64(), in.i64(), in.i64(), in.i64(), in.i32(), in.i64());
        }
    });

    public Usage {
        Objects.requireNonNull(month, "month");
        if (euCents < 0 || nonEuCents < 0 || nonEuMbPast < 0 || premiumCents < 0) {
            throw new IllegalArgumentException("usage cannot be negative");
        }
    }

    /** Nothing used in a month. */
    public static Usage none(YearMonth month) {
        return new Usage(month, 0, 0, 0, 0, 0, 0);
    }

    /** What the subscriber used in a month: the stored counters when they are that month's, else nothing. */
    public static Usage of(Lookup state, String msisdn, YearMonth month) {
        return state.get(TABLE, msisdn).filter(u -> u.month().equals(month)).orElseGet(() -> none(month));
    }

    /** The month the stored counters belong to, if any: events of an older month are too late to count. */
    public static java.util.Optional<YearMonth> storedMonth(Lookup state, String msisdn) {
        return state.get(TABLE, msisdn).map(Usage::month);
    }

    public Usage plusEu(long cents) {
        return new Usage(month, euCents + cents, nonEuCents, nonEuMbPast, premiumCents, alerted, spendTold);
    }

    public Usage plusNonEu(long cents, long mbPast) {
        return new Usage(month, euCents, nonEuCents + cents, nonEuMbPast + mbPast, premiumCents, alerted, spendTold);
    }

    public Usage plusPremium(long cents) {
        return new Usage(month, euCents, nonEuCents, nonEuMbPast, premiumCents + cents, alerted, spendTold);
    }

    public boolean told(int limit) {
        return (alerted & limit) != 0;
    }

    public Usage tell(int limit) {
        return new Usage(month, euCents, nonEuCents, nonEuMbPast, premiumCents, alerted | limit, spendTold);
    }

    /** The extra-spend threshold told this month. */
    public Usage toldSpend(long thresholdCents) {
        return new Usage(month, euCents, nonEuCents, nonEuMbPast, premiumCents, alerted, thresholdCents);
    }
}
