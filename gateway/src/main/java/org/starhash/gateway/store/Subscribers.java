package org.starhash.gateway.store;

import java.time.YearMonth;

/** The subscriber table and its binary form, versioned so that later fields can be added. */
public final class Subscribers {

    private static final int VERSION = 1;

    /** Subscribers keyed by normalized MSISDN. */
    public static final Table<Subscriber> TABLE = new Table<>("subscribers", new Codec<>() {
        @Override
        public byte[] encode(Subscriber value) {
            return Subscribers.encode(value);
        }

        @Override
        public Subscriber decode(byte[] bytes) {
            return Subscribers.decode(bytes);
        }
    });

    private Subscribers() {
    }

    static byte[] encode(Subscriber s) {
        BinaryOut out = new BinaryOut(96).u8(VERSION).utf(s.msisdn()).u8(s.kind().ordinal()).i64(s.balanceCents());
        writeUnits(out, s.allowance());
        out.i32(s.period().getYear()).u8(s.period().getMonthValue());
        writeUnits(out, s.used());
        return out.i64(s.extraSpendCents()).toBytes();
    }

    static Subscriber decode(byte[] data) {
        BinaryIn in = new BinaryIn(data);
        int version = in.u8();
        if (version != VERSION) {
            throw new IllegalStateException("unknown subscriber record version " + version);
        }
        String msisdn = in.utf();
        SubscriberKind kind = SubscriberKind.values()[in.u8()];
        long balance = in.i64();
        Units allowance = readUnits(in);
        YearMonth period = YearMonth.of(in.i32(), in.u8());
        Units used = readUnits(in);
        long extra = in.i64();
        return new Subscriber(msisdn, kind, balance, allowance, period, used, extra);
    }

    private static void writeUnits(BinaryOut out, Units units) {
        out.i64(units.minutes()).i64(units.sms()).i64(units.megabytes());
    }

    private static Units readUnits(BinaryIn in) {
        return new Units(in.i64(), in.i64(), in.i64());
    }
}
