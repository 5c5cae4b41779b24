package org.starhash.gateway.store;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The one-time code last sent to a number for a purpose, kept as a keyed hash only (never the code), with what
 * guards it: when it expires, how many wrong codes were tried, whether it was spent, and when codes were sent
 * lately (the guard against SMS pumping counts them).
 *
 * @param hash    HMAC-SHA256 over number, purpose and code; 32 bytes
 * @param sent    when it was sent
 * @param expires after this it is refused as expired
 * @param wrong   wrong codes tried against it
 * @param spent   verified once; then refused as expired
 * @param sends   when codes were sent for this number and purpose within the guard's window, oldest first
 */
public record OneTimeCode(byte[] hash, Instant sent, Instant expires, int wrong, boolean spent, List<Instant> sends) {

    private static final int VERSION = 1;
    private static final int HASH_BYTES = 32;

    /** Keyed by {@code MSISDN:PURPOSE}. */
    public static final Table<OneTimeCode> TABLE = new Table<>("otp_codes", new Codec<>() {
        @Override
        public byte[] encode(OneTimeCode c) {
            BinaryOut out = new BinaryOut(80 + 12 * c.sends().size()).u8(VERSION);
            ByteBuffer hash = ByteBuffer.wrap(c.hash);
            for (int i = 0; i < HASH_BYTES / 8; i++) {
                out.i64(hash.getLong(i * 8));
            }
            out.i64(c.sent().getEpochSecond()).i32(c.sent().getNano()).i64(c.expires().getEpochSecond())
                    .i32(c.expires().getNano()).i32(c.wrong()).bool(c.spent()).i32(c.sends().size());
            for (Instant at : c.sends()) {
                out.i64(at.getEpochSecond()).i32(at.getNano());
            }
            return out.toBytes();
        }

        @Override
        public OneTimeCode decode(byte[] bytes) {
            BinaryIn in = new BinaryIn(bytes);
            int version = in.u8();
            if (version != VERSION) {
                throw new IllegalStateException("unknown one-time code record version " + version);
            }
            ByteBuffer hash = ByteBuffer.allocate(HASH_BYTES);
            for (int i = 0; i < HASH_BYTES / 8; i++) {
                hash.putLong(in.i64());
            }
            Instant sent = Instant.ofEpochSecond(in.i64(), in.i32());
            Instant expires = Instant.ofEpochSecond(in.i64(), in.i32());
            int wrong = in.i32();
            boolean spent = in.bool();
            int n = in.i32();
            if (n < 0 || n > 1000) {
                throw new IllegalStateException("a one-time code record lists " + n + " sends");
            }
            List<Instant> sends = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                sends.add(Instant.ofEpochSecond(in.i64(), in.i32()));
            }
            return new OneTimeCode(hash.array(), sent, expires, wrong, spent, sends);
        }
    });

    public OneTimeCode {
        Objects.requireNonNull(hash, "hash");
        if (hash.length != HASH_BYTES) {
            throw new IllegalArgumentException("a one-time code's hash is " + HASH_BYTES + " bytes");
        }
        hash = hash.clone();
        Objects.requireNonNull(sent, "sent");
        Objects.requireNonNull(expires, "expires");
        sends = List.copyOf(sends);
    }

    /** The key of a number's code for a purpose. */
    public static String key(String msisdn, String purpose) {
        return msisdn + ":" + purpose;
    }

    @Override
    public byte[] hash() {
        return hash.clone();
    }

    /** The same code with one more wrong try. */
    public OneTimeCode withWrongTry() {
        return new OneTimeCode(hash, sent, expires, wrong + 1, spent, sends);
    }

    /** The same code, verified: it cannot be used again. */
    public OneTimeCode spentNow() {
        return new OneTimeCode(hash, sent, expires, wrong, true, sends);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OneTimeCode c && Arrays.equals(hash, c.hash) && sent.equals(c.sent)
                && expires.equals(c.expires) && wrong == c.wrong && spent == c.spent && sends.equals(c.sends);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(hash), sent, expires, wrong, spent, sends);
    }
}
