package org.starhash.gateway.store;

/**
 * The extra-spend alert a postpaid subscriber switched on (seed 002 "SMS limit dodatne porabe"): its threshold
 * in cents, keyed by normalized MSISDN; no row means it is off.
 */
public final class SpendAlerts {

    private static final int VERSION = 1;

    public static final Table<Long> TABLE = new Table<>("spend_alerts", new Codec<>() {
        @Override
        public byte[] encode(Long thresholdCents) {
            return new BinaryOut(9).u8(VERSION).i64(thresholdCents).toBytes();
        }

        @Override
        public Long decode(byte[] bytes) {
            BinaryIn in = new BinaryIn(bytes);
            int version = in.u8();
            if (version != VERSION) {
                throw new IllegalStateException("unknown spend alert record version " + version);
            }
            return in.i64();
        }
    });

    private SpendAlerts() {
    }
}
