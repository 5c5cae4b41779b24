package org.starhash.gateway.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The state file's pages kept in memory: what MapDB wrote reads back the same through the volume (also once
 * pages were dropped for lack of room) and, after its commit's sync, from the file itself.
 */
class ChannelVolumeTest {

    @Test
    void writesReadBackThroughDroppedPagesAndFromTheFileAfterASync(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("state.db");
        int length = 48 << 20; // more than the 32 MiB of pages a volume keeps
        byte[] expected = new byte[length];
        Random random = new Random(42);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            ChannelVolume volume = new ChannelVolume(channel, file.toFile());
            volume.ensureAvailable(length);
            for (int i = 0; i < 200_000; i++) {
                int at = random.nextInt(length - 64);
                switch (i % 4) {
                    case 0 -> {
                        long v = random.nextLong();
                        volume.putLong(at, v);
                        ByteBuffer.wrap(expected).putLong(at, v);
                    }
                    case 1 -> {
                        int v = random.nextInt();
                        volume.putInt(at, v);
                        ByteBuffer.wrap(expected).putInt(at, v);
                    }
                    case 2 -> {
                        byte v = (byte) random.nextInt();
                        volume.putByte(at, v);
                        expected[at] = v;
                    }
                    default -> {
                        byte[] v = new byte[1 + random.nextInt(63)];
                        random.nextBytes(v);
                        volume.putData(at, v, 0, v.length);
                        System.arraycopy(v, 0, expected, at, v.length);
                    }
                }
                if (i % 997 == 0) {
                    int back = random.nextInt(length - 8);
                    assertEquals(ByteBuffer.wrap(expected).getLong(back), volume.getLong(back), "at " + back);
                }
            }
            long straddling = 4096L * 100 - 3; // a long across two pages
            volume.putLong(straddling, 0x0102030405060708L);
            ByteBuffer.wrap(expected).putLong((int) straddling, 0x0102030405060708L);
            assertEquals(0x0102030405060708L, volume.getLong(straddling));
            byte[] all = new byte[length];
            volume.getData(0, all, 0, length);
            assertArrayEquals(expected, all, "read back through the volume");
            volume.sync();
            byte[] onDisk = new byte[length];
            ByteBuffer into = ByteBuffer.wrap(onDisk);
            long at = 0;
            while (into.hasRemaining()) {
                at += channel.read(into, at);
            }
            assertArrayEquals(expected, onDisk, "in the file after the sync");
            volume.close();
        }
    }
}
