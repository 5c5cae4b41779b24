package org.starhash.gateway.store;

import org.starhash.gateway.values.OutboxMessage;

import java.time.Instant;
import java.util.Optional;

/**
 * The outbox table: messages to handsets written in the same commit as the change that caused them and removed
 * only once the network accepted them, so a crash can neither lose nor invent one.
 */
public final class Outbox {

    /** 2 added whether the message is urgent; a record of version 1 is not. */
    private static final int VERSION = 2;

    /** Messages not yet accepted by the network, keyed by message id. */
    public static final Table<OutboxMessage> TABLE = new Table<>("outbox", new Codec<>() {
        @Override
        public byte[] encode(OutboxMessage m) {
            BinaryOut out = new BinaryOut(64 + m.text().length() * 2).u8(VERSION).utf(m.id()).u8(m.kind().ordinal())
                    .utf(m.from()).utf(m.to()).utf(m.text()).i64(m.created().getEpochSecond()).i32(m.created().getNano())
                    .bool(m.expires().isPresent());
            if (m.expires().isPresent()) {
                out.i64(m.expires().get().getEpochSecond()).i32(m.expires().get().getNano());
            }
            return out.bool(m.urgent()).toBytes();
        }

        @Override
        public OutboxMessage decode(byte[] bytes) {
            BinaryIn in = new BinaryIn(bytes);
            int version = in.u8();
            if (version != 1 && version != VERSION) {
                throw new IllegalStateException("unknown outbox record version " + version);
            }
            String id = in.utf();
            OutboxMessage.Kind kind = OutboxMessage.Kind.values()[in.u8()];
            String from = in.utf();
            String to = in.utf();
            String text = in.utf();
            Instant created = Instant.ofEpochSecond(in.i64(), in.i32());
            Optional<Instant> expires = in.bool() ? Optional.of(Instant.ofEpochSecond(in.i64(), in.i32())) : Optional.empty();
            boolean urgent = version >= 2 && in.bool();
            return new OutboxMessage(id, kind, from, to, text, created, expires, urgent);
        }
    });

    private Outbox() {
    }
}
