package org.starhash.gateway.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JournalTest {

    private static List<JournalEntry> entry(String key, String value) {
        return List.of(new JournalEntry("t", key, value == null ? null : value.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Long> replayAll(Path dir, long checkpoint) throws IOException {
        List<Long> seqs = new ArrayList<>();
        try (Journal ignored = Journal.open(dir, 1 << 20, checkpoint, (seq, entries) -> seqs.add(seq))) {
            return seqs;
        }
    }

    @Test
    void replaysRecordsAfterTheCheckpointInOrder(@TempDir Path dir) throws IOException {
        try (Journal journal = Journal.open(dir, 1 << 20, 0, (s, e) -> { })) {
            for (long seq = 1; seq <= 5; seq++) {
                journal.append(seq, entry("k" + seq, "v" + seq));
            }
            journal.sync();
        }
        assertEquals(List.of(3L, 4L, 5L), replayAll(dir, 2));
        List<List<JournalEntry>> seen = new ArrayList<>();
        try (Journal ignored = Journal.open(dir, 1 << 20, 4, (s, e) -> seen.add(e))) {
            assertEquals("k5", seen.get(0).get(0).key());
            assertArrayEquals("v5".getBytes(StandardCharsets.UTF_8), seen.get(0).get(0).value());
        }
    }

    @Test
    void aTornTailIsCutOffAndAppendingGoesOn(@TempDir Path dir) throws IOException {
        try (Journal journal = Journal.open(dir, 1 << 20, 0, (s, e) -> { })) {
            journal.append(1, entry("a", "1"));
            journal.append(2, entry("b", null));
            journal.sync();
        }
        Path segment;
        try (var files = Files.list(dir)) {
            segment = files.findFirst().orElseThrow();
        }
        long goodSize = Files.size(segment);
        Files.write(segment, new byte[] {0, 0, 0, 40, 1, 2, 3}, StandardOpenOption.APPEND);
        List<List<JournalEntry>> seen = new ArrayList<>();
        try (Journal journal = Journal.open(dir, 1 << 20, 0, (s, e) -> seen.add(e))) {
            assertEquals(2, seen.size());
            assertNull(seen.get(1).get(0).value(), "a removal replays as a removal");
            assertEquals(goodSize, Files.size(segment));
            journal.append(3, entry("c", "3"));
            journal.sync();
        }
        assertEquals(List.of(1L, 2L, 3L), replayAll(dir, 0));
    }

    @Test
    void aFlippedBitInTheTailRecordIsTreatedAsTorn(@TempDir Path dir) throws IOException {
        try (Journal journal = Journal.open(dir, 1 << 20, 0, (s, e) -> { })) {
            journal.append(1, entry("a", "1"));
            journal.append(2, entry("b", "2"));
            journal.sync();
        }
        Path segment;
        try (var files = Files.list(dir)) {
            segment = files.findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(segment);
        bytes[bytes.length - 1] ^= 1;
        Files.write(segment, bytes);
        assertEquals(List.of(1L), replayAll(dir, 0));
    }

    @Test
    void damageBeforeTheLastSegmentRefusesToOpen(@TempDir Path dir) throws IOException {
        try (Journal journal = Journal.open(dir, 4096, 0, (s, e) -> { })) {
            for (long seq = 1; seq <= 200; seq++) {
                journal.append(seq, entry("key" + seq, "value value value value " + seq));
            }
            journal.sync();
            assertTrue(journal.segmentCount() > 1);
        }
        Path first;
        try (var files = Files.list(dir)) {
            first = files.sorted().findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(first);
        bytes[20] ^= 1;
        Files.write(first, bytes);
        IOException e = assertThrows(IOException.class, () -> replayAll(dir, 0));
        assertTrue(e.getMessage().contains("damaged"), e.getMessage());
        // Refusing changed nothing: the records after the damage are still there, and the refusal holds.
        assertArrayEquals(bytes, Files.readAllBytes(first));
        assertThrows(IOException.class, () -> replayAll(dir, 0));
    }

    @Test
    void aFailedForceWhoseCutAlsoFailedIsCutAtCloseAndNotReplayed(@TempDir Path dir) throws IOException {
        FaultyDisk disk = new FaultyDisk();
        try (Journal journal = Journal.open(dir, disk, 1 << 20, 0, (s, e) -> { })) {
            journal.write(1, entry("a", "1"));
            disk.failAt(FaultyDisk.Op.FORCE, 1, p -> true, false).failAt(FaultyDisk.Op.TRUNCATE, 1, p -> true, false);
            assertThrows(IOException.class, () -> journal.write(2, entry("b", "2")));
            assertEquals(1, journal.lastSeq());
        }
        assertEquals(List.of(1L), replayAll(dir, 0), "a record whose force failed was replayed");
    }

    @Test
    void aFailedWriteIsVoidedByTheNextSegmentEvenIfItCouldNotBeCut(@TempDir Path dir) throws IOException {
        FaultyDisk disk = new FaultyDisk();
        List<List<JournalEntry>> seen = new ArrayList<>();
        try (Journal journal = Journal.open(dir, disk, 1 << 20, 0, (s, e) -> { })) {
            journal.write(1, entry("a", "1"));
            disk.failAt(FaultyDisk.Op.FORCE, 1, p -> true, false).failAt(FaultyDisk.Op.TRUNCATE, 1, p -> true, true);
            assertThrows(IOException.class, () -> journal.write(2, entry("b", "refused")));
            journal.write(2, entry("b", "taken"));
        }
        assertTrue(segmentFiles(dir) >= 2, "the record after the failure did not start a segment of its own");
        try (Journal ignored = Journal.open(dir, 1 << 20, 0, (s, e) -> seen.add(e))) {
            assertEquals(2, seen.size());
            assertArrayEquals("taken".getBytes(StandardCharsets.UTF_8), seen.get(1).get(0).value());
        }
    }

    private static long segmentFiles(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".journal")).count();
        }
    }

    @Test
    void releaseKeepsTheSegmentsAfterTheCheckpoint(@TempDir Path dir) throws IOException {
        try (Journal journal = Journal.open(dir, 4096, 0, (s, e) -> { })) {
            for (long seq = 1; seq <= 200; seq++) {
                journal.append(seq, entry("key" + seq, "value value value value " + seq));
            }
            journal.sync();
            int before = journal.segmentCount();
            journal.releaseUpTo(150);
            assertTrue(journal.segmentCount() < before);
        }
        List<Long> replayed = replayAll(dir, 150);
        assertEquals(50, replayed.size());
        assertEquals(151L, replayed.get(0));
    }
}
