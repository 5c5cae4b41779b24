package org.starhash.gateway.store;

import java.util.Arrays;

/**
 * Writes a record in the layout of {@link java.io.DataOutputStream} (big-endian numbers, strings as modified
 * UTF-8 after a two-byte length) into one growing array, without the streams' locking and copying.
 */
public final class BinaryOut {

    private byte[] bytes;
    private int size;

    public BinaryOut(int expectedSize) {
        bytes = new byte[Math.max(16, expectedSize)];
    }

    private void room(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }

    public BinaryOut u8(int value) {
        room(1);
        bytes[size++] = (byte) value;
        return this;
    }

    public BinaryOut bool(boolean value) {
        return u8(value ? 1 : 0);
    }

    public BinaryOut i32(int value) {
        room(4);
        for (int shift = 24; shift >= 0; shift -= 8) {
            bytes[size++] = (byte) (value >>> shift);
        }
        return this;
    }

    public BinaryOut i64(long value) {
        room(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            bytes[size++] = (byte) (value >>> shift);
        }
        return this;
    }

    /** A string as {@code writeUTF} writes it; at most 65,535 encoded bytes. */
    public BinaryOut utf(String s) {
        int length = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            length += c >= 0x0001 && c <= 0x007F ? 1 : c <= 0x07FF ? 2 : 3;
        }
        if (length > 0xFFFF) {
            throw new IllegalArgumentException("string of " + length + " bytes is too long to store");
        }
        room(2 + length);
        bytes[size++] = (byte) (length >>> 8);
        bytes[size++] = (byte) length;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x0001 && c <= 0x007F) {
                bytes[size++] = (byte) c;
            } else if (c <= 0x07FF) {
                bytes[size++] = (byte) (0xC0 | (c >> 6));
                bytes[size++] = (byte) (0x80 | (c & 0x3F));
            } else {
                bytes[size++] = (byte) (0xE0 | (c >> 12));
                bytes[size++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                bytes[size++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        return this;
    }

    public byte[] toBytes() {
        return Arrays.copyOf(bytes, size);
    }
}
