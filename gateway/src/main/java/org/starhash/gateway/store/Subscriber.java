package org.starhash.gateway.store;

import org.starhash.gateway.values.Numbering;

import java.time.YearMonth;
import java.util.Objects;

/**
 * A subscriber of the network. Monthly counters (used units, extra spend) belong to {@code period}: read for
 * another month they count as zero, so a new billing period starts from nothing without any job.
 *
 * @param msisdn          normalized MSISDN, international digits
 * @param kind            prepaid or postpaid
 * @param balanceCents    prepaid balance in cents
 * @param allowance       package units granted each month
 * @param period          the billing period the counters belong to
 * @param used            package units used in {@code period}
 * @param extraSpendCents spend beyond the package in {@code period}, in cents
 */
public record Subscriber(String msisdn, SubscriberKind kind, long balanceCents, Units allowance, YearMonth period,
                         Units used, long extraSpendCents) {

    public Subscriber {
        Objects.requireNonNull(msisdn, "msisdn");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(allowance, "allowance");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(used, "used");
        if (!Numbering.isInternational(msisdn)) {
            throw new IllegalArgumentException("not a normalized MSISDN: " + msisdn);
        }
        if (extraSpendCents < 0) {
            throw new IllegalArgumentException("extra spend cannot be negative");
        }
    }

    /** A prepaid subscriber with a balance and nothing else. */
    public static Subscriber prepaid(String msisdn, long balanceCents, YearMonth period) {
        return new Subscriber(msisdn, SubscriberKind.PREPAID, balanceCents, Units.NONE, period, Units.NONE, 0);
    }

    /** Package units left in the given month. */
    public Units unitsLeft(YearMonth month) {
        return month.equals(period) ? allowance.minus(used) : allowance;
    }

    /** Extra spend in the given month, in cents. */
    public long extraSpendCents(YearMonth month) {
        return month.equals(period) ? extraSpendCents : 0;
    }

    public Subscriber withBalanceCents(long newBalanceCents) {
        return new Subscriber(msisdn, kind, newBalanceCents, allowance, period, used, extraSpendCents);
    }

    /** Counts package SMS used in a month; a new month starts the counters from zero. */
    public Subscriber plusUsedSms(YearMonth month, long sms) {
        if (month.equals(period)) {
            return new Subscriber(msisdn, kind, balanceCents, allowance, period,
                    new Units(used.minutes(), used.sms() + sms, used.megabytes()), extraSpendCents);
        }
        return new Subscriber(msisdn, kind, balanceCents, allowance, month, new Units(0, sms, 0), 0);
    }

    /** Counts package units used in a month; a new month starts the counters from zero. */
    public Subscriber plusUsed(YearMonth month, Units units) {
        if (month.equals(period)) {
            return new Subscriber(msisdn, kind, balanceCents, allowance, period, new Units(used.minutes() + units.minutes(),
                    used.sms() + units.sms(), used.megabytes() + units.megabytes()), extraSpendCents);
        }
        return new Subscriber(msisdn, kind, balanceCents, allowance, month, units, 0);
    }

    /** Adds a charge to the bill of a month; a new month starts the counters from zero. */
    public Subscriber plusExtraSpend(YearMonth month, long cents) {
        if (month.equals(period)) {
            return new Subscriber(msisdn, kind, balanceCents, allowance, period, used, extraSpendCents + cents);
        }
        return new Subscriber(msisdn, kind, balanceCents, allowance, month, Units.NONE, cents);
    }
}
