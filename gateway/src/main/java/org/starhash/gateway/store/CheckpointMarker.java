package org.starhash.gateway.store;

import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.zip.CRC32C;

/**
 * Which state file is whole and up to which journal sequence, written in place into one of two slots in turn
 * with a checksum, so that a torn write leaves the other slot, and with it the last complete checkpoint, intact.
 *
 * @param counter    how many markers were written before this one; the higher valid one wins
 * @param current    the generation (0 or 1) that holds the newest complete checkpoint
 * @param currentSeq the journal sequence that generation holds everything up to
 * @param otherSeq   the sequence of the other generation when it is whole and untouched since, else -1
 */
record CheckpointMarker(long counter, int current, long currentSeq, long otherSeq) {

    static final int BYTES = 40;
    private static final int MAGIC = 0x53484350;
    private static final int VERSION = 1;

    CheckpointMarker {
        if (current != 0 && current != 1) {
            throw new IllegalArgumentException("generation " + current);
        }
    }

    int other() {
        return 1 - current;
    }

    boolean otherUsable() {
        return otherSeq >= 0;
    }

    /** The slot this marker is written to; the previous marker stays in the other. */
    int slot() {
        return (int) (counter & 1);
    }

    /** The next marker: a checkpoint of {@code seq} completed into the other generation. */
    CheckpointMarker completed(long seq) {
        return new CheckpointMarker(counter + 1, other(), seq, currentSeq);
    }

    /** The next marker: the other generation is about to be written, so it is no longer whole. */
    CheckpointMarker otherTouched() {
        return new CheckpointMarker(counter + 1, current, currentSeq, -1);
    }

    ByteBuffer encode() {
        ByteBuffer buf = ByteBuffer.allocate(BYTES);
        buf.putInt(MAGIC).putInt(VERSION).putLong(counter).putInt(current).putLong(currentSeq).putLong(otherSeq);
        CRC32C crc = new CRC32C();
        crc.update(buf.array(), 0, buf.position());
        buf.putInt((int) crc.getValue());
        return buf.flip();
    }

    /** The marker in a slot's bytes, or empty when the slot is empty, torn or of another format. */
    static Optional<CheckpointMarker> decode(ByteBuffer bytes) {
        if (bytes.remaining() < BYTES) {
            return Optional.empty();
        }
        ByteBuffer in = bytes.duplicate();
        CRC32C crc = new CRC32C();
        crc.update(in.array(), in.arrayOffset() + in.position(), BYTES - 4);
        if (in.getInt() != MAGIC || in.getInt() != VERSION) {
            return Optional.empty();
        }
        long counter = in.getLong();
        int current = in.getInt();
        long currentSeq = in.getLong();
        long otherSeq = in.getLong();
        if (in.getInt() != (int) crc.getValue() || (current != 0 && current != 1)) {
            return Optional.empty();
        }
        return Optional.of(new CheckpointMarker(counter, current, currentSeq, otherSeq));
    }
}
