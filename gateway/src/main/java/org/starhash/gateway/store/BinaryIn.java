package org.starhash.gateway.store;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Reads what {@link BinaryOut} wrote; a record cut short is an {@link IllegalStateException}, not garbage. */
public final class BinaryIn {

    private final ByteBuffer bytes;

    public BinaryIn(byte[] data) {
        this.bytes = ByteBuffer.wrap(data);
    }

    public int u8() {
        try {
            return bytes.get() & 0xFF;
        } catch (BufferUnderflowException e) {
            throw truncated();
        }
    }

    public boolean bool() {
        return u8() != 0;
    }

    public int i32() {
        try {
            return bytes.getInt();
        } catch (BufferUnderflowException e) {
            throw truncated();
        }
    }

    public long i64() {
        try {
            return bytes.getLong();
        } catch (BufferUnderflowException e) {
            throw truncated();
        }
    }

    public String utf() {
        int start = bytes.position();
        if (bytes.remaining() < 2) {
            throw truncated();
        }
        int length = bytes.getShort() & 0xFFFF;
        if (bytes.remaining() < length) {
            throw truncated();
        }
        byte[] array = bytes.array();
        int from = bytes.position();
        bytes.position(from + length);
        for (int i = from; i < from + length; i++) {
            if (array[i] <= 0) {
                return modifiedUtf8(array, start, length + 2);
            }
        }
        return new String(array, from, length, StandardCharsets.ISO_8859_1);
    }

    private static String modifiedUtf8(byte[] array, int start, int length) {
        try {
            return new DataInputStream(new ByteArrayInputStream(array, start, length)).readUTF();
        } catch (IOException e) {
            throw new UncheckedIOException("a stored string does not decode", e);
        }
    }

    private static IllegalStateException truncated() {
        return new IllegalStateException("stored record is shorter than its fields");
    }
}
