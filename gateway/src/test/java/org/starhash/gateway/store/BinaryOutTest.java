package org.starhash.gateway.store;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The record layout stays the one DataOutputStream wrote, so stores written before keep reading. */
class BinaryOutTest {

    private static final String[] STRINGS = {"", "38670000001", "Vaša poraba: 7,35 €", "nul\u0000l", "日本"};

    @Test
    void writesWhatDataOutputStreamWrites() throws Exception {
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(expected);
        BinaryOut out = new BinaryOut(4);
        data.writeByte(7);
        out.u8(7);
        data.writeInt(-123456);
        out.i32(-123456);
        data.writeLong(Long.MIN_VALUE + 5);
        out.i64(Long.MIN_VALUE + 5);
        data.writeBoolean(true);
        out.bool(true);
        for (String s : STRINGS) {
            data.writeUTF(s);
            out.utf(s);
        }
        assertArrayEquals(expected.toByteArray(), out.toBytes());
    }

    @Test
    void readsBackEveryField() {
        BinaryOut out = new BinaryOut(8).u8(200).i32(42).i64(-1).bool(false);
        for (String s : STRINGS) {
            out.utf(s);
        }
        BinaryIn in = new BinaryIn(out.toBytes());
        assertEquals(200, in.u8());
        assertEquals(42, in.i32());
        assertEquals(-1, in.i64());
        assertEquals(false, in.bool());
        for (String s : STRINGS) {
            assertEquals(s, in.utf());
        }
    }

    @Test
    void aRecordCutShortIsAnErrorNotGarbage() {
        byte[] bytes = new BinaryOut(8).utf("38670000001").toBytes();
        byte[] cut = java.util.Arrays.copyOf(bytes, bytes.length - 3);
        assertEquals("stored record is shorter than its fields",
                assertThrows(IllegalStateException.class, () -> new BinaryIn(cut).utf()).getMessage());
        assertThrows(IllegalStateException.class, () -> new BinaryIn(new byte[3]).i64());
    }
}
