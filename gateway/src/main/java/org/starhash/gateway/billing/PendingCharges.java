package org.starhash.gateway.billing;

import org.starhash.billing.ChargeEvent;
import org.starhash.gateway.store.Codec;
import org.starhash.gateway.store.Table;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/** The table of charge events not yet accepted by every hook, keyed by event id. */
public final class PendingCharges {

    private static final int VERSION = 1;

    public static final Table<ChargeEvent> TABLE = new Table<>("pending_charges", new Codec<>() {
        @Override
        public byte[] encode(ChargeEvent e) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(96);
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeByte(VERSION);
                out.writeUTF(e.id());
                out.writeLong(e.at().getEpochSecond());
                out.writeInt(e.at().getNano());
                out.writeUTF(e.msisdn());
                out.writeUTF(e.service());
                out.writeInt(e.units());
                out.writeLong(e.amountCents());
                out.writeBoolean(e.vatExempt());
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            return bytes.toByteArray();
        }

        @Override
        public ChargeEvent decode(byte[] bytes) {
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
                int version = in.readUnsignedByte();
                if (version != VERSION) {
                    throw new IllegalStateException("unknown charge record version " + version);
                }
                return new ChargeEvent(in.readUTF(), Instant.ofEpochSecond(in.readLong(), in.readInt()), in.readUTF(),
                        in.readUTF(), in.readInt(), in.readLong(), in.readBoolean());
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
    });

    private PendingCharges() {
    }
}
