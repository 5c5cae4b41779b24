package org.starhash.gateway.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
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
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(96);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeUTF(s.msisdn());
            out.writeByte(s.kind().ordinal());
            out.writeLong(s.balanceCents());
            writeUnits(out, s.allowance());
            out.writeInt(s.period().getYear());
            out.writeByte(s.period().getMonthValue());
            writeUnits(out, s.used());
            out.writeLong(s.extraSpendCents());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static Subscriber decode(byte[] data) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            int version = in.readUnsignedByte();
            if (version != VERSION) {
                throw new IllegalStateException("unknown subscriber record version " + version);
            }
            String msisdn = in.readUTF();
            SubscriberKind kind = SubscriberKind.values()[in.readUnsignedByte()];
            long balance = in.readLong();
            Units allowance = readUnits(in);
            YearMonth period = YearMonth.of(in.readInt(), in.readUnsignedByte());
            Units used = readUnits(in);
            long extra = in.readLong();
            return new Subscriber(msisdn, kind, balance, allowance, period, used, extra);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeUnits(DataOutputStream out, Units units) throws IOException {
        out.writeLong(units.minutes());
        out.writeLong(units.sms());
        out.writeLong(units.megabytes());
    }

    private static Units readUnits(DataInputStream in) throws IOException {
        return new Units(in.readLong(), in.readLong(), in.readLong());
    }
}
