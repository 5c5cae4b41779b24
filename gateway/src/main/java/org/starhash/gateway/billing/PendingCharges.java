package org.starhash.gateway.billing;

import org.starhash.billing.ChargeEvent;
import org.starhash.gateway.store.BinaryIn;
import org.starhash.gateway.store.BinaryOut;
import org.starhash.gateway.store.Codec;
import org.starhash.gateway.store.Table;

import java.time.Instant;

/** The table of charge events not yet accepted by every hook, keyed by event id. */
public final class PendingCharges {

    private static final int VERSION = 1;

    public static final Table<ChargeEvent> TABLE = new Table<>("pending_charges", new Codec<>() {
        @Override
        public byte[] encode(ChargeEvent e) {
            return new BinaryOut(96).u8(VERSION).utf(e.id()).i64(e.at().getEpochSecond()).i32(e.at().getNano())
                    .utf(e.msisdn()).utf(e.service()).i32(e.units()).i64(e.amountCents()).bool(e.vatExempt()).toBytes();
        }

        @Override
        public ChargeEvent decode(byte[] bytes) {
            BinaryIn in = new BinaryIn(bytes);
            int version = in.u8();
            if (version != VERSION) {
                throw new IllegalStateException("unknown charge record version " + version);
            }
            return new ChargeEvent(in.utf(), Instant.ofEpochSecond(in.i64(), in.i32()), in.utf(), in.utf(), in.i32(),
                    in.i64(), in.bool());
        }
    });

    private PendingCharges() {
    }
}
