package org.starhash.gateway.store;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A subscriber's account as billing reports it (seed 004, Moj račun): the overdue amount, whether services were
 * cut for non-payment, and the one reactivation a subscriber may make within a cut. Whether services are cut on a
 * day follows from it ({@link #cutOn}), so the end of the five days needs no job; only the SMS saying so does.
 *
 * @param overdueCents  the overdue amount now
 * @param suspended     services were cut for non-payment, and the debt is not paid in full since
 * @param reactivatedOn the day the subscriber switched services back on within this cut, if they did
 * @param cutAgainTold  the SMS that services were cut again at the end of the five days went
 */
public record Account(long overdueCents, boolean suspended, Optional<LocalDate> reactivatedOn, boolean cutAgainTold) {

    /** Days a reactivation lasts, its own day the first (seed 004). */
    public static final int REACTIVATION_DAYS = 5;
    private static final int VERSION = 1;

    /** Keyed by MSISDN; no row is an account with nothing overdue and nothing cut. */
    public static final Table<Account> TABLE = new Table<>("accounts", new Codec<>() {
        @Override
        public byte[] encode(Account a) {
            return new BinaryOut(24).u8(VERSION).i64(a.overdueCents()).bool(a.suspended())
                    .i32(a.reactivatedOn().map(d -> (int) d.toEpochDay()).orElse(Integer.MIN_VALUE))
                    .bool(a.cutAgainTold()).toBytes();
        }

        @Override
        public Account decode(byte[] bytes) {
            BinaryIn in = new BinaryIn(bytes);
            int version = in.u8();
            if (version != VERSION) {
                throw new IllegalStateException("unknown account record version " + version);
            }
            long overdue = in.i64();
            boolean suspended = in.bool();
            int day = in.i32();
            return new Account(overdue, suspended, day == Integer.MIN_VALUE ? Optional.empty()
                    : Optional.of(LocalDate.ofEpochDay(day)), in.bool());
        }
    });

    public static final Account CLEAR = new Account(0, false, Optional.empty(), false);

    public Account {
        Objects.requireNonNull(reactivatedOn, "reactivatedOn");
        if (overdueCents < 0) {
            throw new IllegalArgumentException("an overdue amount is not negative");
        }
    }

    /** The account of a subscriber; clear when billing never reported one. */
    public static Account of(Lookup state, String msisdn) {
        return state.get(TABLE, msisdn).orElse(CLEAR);
    }

    /** The last day a reactivation keeps services on. */
    public Optional<LocalDate> reactivatedUntil() {
        return reactivatedOn.map(d -> d.plusDays(REACTIVATION_DAYS - 1));
    }

    /** Whether services are cut on {@code day}: suspended, and not within the five days of a reactivation. */
    public boolean cutOn(LocalDate day) {
        return suspended && reactivatedUntil().map(day::isAfter).orElse(true);
    }

    /** The overdue amount billing reports now; nothing overdue lifts a cut. */
    public Account withOverdue(long cents) {
        return cents == 0 ? CLEAR : new Account(cents, suspended, reactivatedOn, cutAgainTold);
    }

    /** Services cut for non-payment: a new cut, with a reactivation of its own. */
    public Account suspendedNow() {
        return new Account(overdueCents, true, Optional.empty(), false);
    }

    public Account reactivated(LocalDate day) {
        return new Account(overdueCents, suspended, Optional.of(day), false);
    }

    public Account toldCutAgain() {
        return new Account(overdueCents, suspended, reactivatedOn, true);
    }
}
