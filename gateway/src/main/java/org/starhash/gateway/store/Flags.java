package org.starhash.gateway.store;

/** The table of subscribers' settings, keyed by normalized MSISDN; a subscriber without a row has the defaults. */
public final class Flags {

    /** Version 2 added the roaming price SMS, on by default: a version 1 row, written before it, has it on. */
    private static final int VERSION = 2;

    public static final Table<FlagSet> TABLE = new Table<>("flags", new Codec<>() {
        @Override
        public byte[] encode(FlagSet value) {
            return new BinaryOut(9).u8(VERSION).i64(value.bits()).toBytes();
        }

        @Override
        public FlagSet decode(byte[] bytes) {
            BinaryIn in = new BinaryIn(bytes);
            int version = in.u8();
            if (version == 1) {
                return new FlagSet(in.i64()).with(Flag.ROAMING_PRICE_SMS, true);
            }
            if (version != VERSION) {
                throw new IllegalStateException("unknown flags record version " + version);
            }
            return new FlagSet(in.i64());
        }
    });

    private Flags() {
    }

    /** The settings of a subscriber as they stand. */
    public static FlagSet of(Lookup state, Subscriber subscriber) {
        return state.get(TABLE, subscriber.msisdn()).orElse(FlagSet.defaultsFor(subscriber.kind()));
    }
}
