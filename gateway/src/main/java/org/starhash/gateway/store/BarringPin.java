package org.starhash.gateway.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A subscriber's call-barring PIN, kept only as a salted hash, and the wrong PINs given in a row; a subscriber
 * without a row has the operator's default PIN.
 *
 * @param hash       SHA-256 of the MSISDN and the PIN
 * @param wrongInRow wrong PINs since the last right one
 */
public record BarringPin(String hash, int wrongInRow) {

    private static final int VERSION = 1;

    /** Per subscriber, keyed by normalized MSISDN. */
    public static final Table<BarringPin> TABLE = new Table<>("barring_pins", new Codec<>() {
        @Override
        public byte[] encode(BarringPin p) {
            return new BinaryOut(80).u8(VERSION).utf(p.hash()).i32(p.wrongInRow()).toBytes();
        }

        @Override
        public BarringPin decode(byte[] bytes) {
            BinaryIn in = new BinaryIn(bytes);
            int version = in.u8();
            if (version != VERSION) {
                throw new IllegalStateException("unknown barring PIN record version " + version);
            }
            return new BarringPin(in.utf(), in.i32());
        }
    });

    public BarringPin {
        Objects.requireNonNull(hash, "hash");
    }

    /** The PIN as it stands: the stored one, or the default. */
    public static BarringPin of(Lookup state, String msisdn, String defaultPin) {
        return state.get(TABLE, msisdn).orElseGet(() -> new BarringPin(hash(msisdn, defaultPin), 0));
    }

    /** The hash stored for a PIN; the MSISDN salts it so equal PINs do not look equal. */
    public static String hash(String msisdn, String pin) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest((msisdn + ":" + pin).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }

    public boolean matches(String msisdn, String pin) {
        return MessageDigest.isEqual(hash.getBytes(StandardCharsets.US_ASCII),
                hash(msisdn, pin).getBytes(StandardCharsets.US_ASCII));
    }

    public BarringPin wrong() {
        return new BarringPin(hash, wrongInRow + 1);
    }

    public BarringPin right() {
        return new BarringPin(hash, 0);
    }
}
