package org.starhash.gateway.store;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The on-disk form of one batch: {@code length:int crc32c:int} then the payload
 * {@code seq:long count:int} and each entry as {@code table key value}, lengths first, value length -1 for a removal.
 */
final class JournalRecord {

    static final int HEADER_BYTES = 8;
    static final int MAX_PAYLOAD = 1 << 30;

    private JournalRecord() {
    }

    static ByteBuffer encode(long seq, List<JournalEntry> entries) {
        int size = 12;
        List<byte[]> tables = new ArrayList<>(entries.size());
        List<byte[]> keys = new ArrayList<>(entries.size());
        for (JournalEntry e : entries) {
            byte[] t = e.table().getBytes(StandardCharsets.UTF_8);
            byte[] k = e.key().getBytes(StandardCharsets.UTF_8);
            tables.add(t);
            keys.add(k);
            size += 2 + t.length + 4 + k.length + 4 + (e.isRemoval() ? 0 : e.value().length);
        }
        if (size > MAX_PAYLOAD) {
            throw new IllegalArgumentException("journal record of " + size + " bytes is over the limit");
        }
        ByteBuffer buf = ByteBuffer.allocate(HEADER_BYTES + size);
        buf.position(HEADER_BYTES);
        buf.putLong(seq).putInt(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            JournalEntry e = entries.get(i);
            buf.putShort((short) tables.get(i).length).put(tables.get(i));
            buf.putInt(keys.get(i).length).put(keys.get(i));
            if (e.isRemoval()) {
                buf.putInt(-1);
            } else {
                buf.putInt(e.value().length).put(e.value());
            }
        }
        CRC32C crc = new CRC32C();
        crc.update(buf.array(), HEADER_BYTES, size);
        buf.putInt(0, size).putInt(4, (int) crc.getValue());
        buf.flip();
        return buf;
    }

    /** Whether the checksum of the payload matches. */
    static boolean checksumMatches(ByteBuffer payload, int expected) {
        CRC32C crc = new CRC32C();
        crc.update(payload.duplicate());
        return (int) crc.getValue() == expected;
    }

    static long seqOf(ByteBuffer payload) {
        return payload.getLong(payload.position());
    }

    /** Decodes a payload whose checksum matched. */
    static List<JournalEntry> entriesOf(ByteBuffer payload) {
        ByteBuffer in = payload.duplicate();
        try {
            in.getLong();
            int count = in.getInt();
            List<JournalEntry> entries = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                byte[] t = new byte[in.getShort() & 0xffff];
                in.get(t);
                byte[] k = new byte[in.getInt()];
                in.get(k);
                int valueLength = in.getInt();
                byte[] v = null;
                if (valueLength >= 0) {
                    v = new byte[valueLength];
                    in.get(v);
                }
                entries.add(new JournalEntry(new String(t, StandardCharsets.UTF_8), new String(k, StandardCharsets.UTF_8), v));
            }
            return entries;
        } catch (BufferUnderflowException | NegativeArraySizeException e) {
            throw new IllegalStateException("journal record passed its checksum but does not decode", e);
        }
    }
}
