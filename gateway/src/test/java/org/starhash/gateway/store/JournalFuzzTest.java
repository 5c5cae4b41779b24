package org.starhash.gateway.store;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A journal of good records followed by any bytes: it opens with exactly the good records (the rest is a torn
 * tail), or is refused with an IOException; it never half-applies a record or throws anything else.
 */
class JournalFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void aDamagedJournalIsCutOrRefusedNeverHalfApplied(FuzzedDataProvider data) throws IOException {
        Path dir = Files.createTempDirectory("journal-fuzz");
        try {
            int good = data.consumeInt(0, 5);
            try (Journal journal = Journal.open(dir, 1 << 20, 0, (s, e) -> { })) {
                for (int seq = 1; seq <= good; seq++) {
                    journal.write(seq, List.of(new JournalEntry("t", "k" + seq,
                            ("v" + seq).getBytes(StandardCharsets.UTF_8))));
                }
            }
            Path segment;
            try (var files = Files.list(dir)) {
                segment = files.filter(p -> p.toString().endsWith(".journal")).findFirst()
                        .orElse(dir.resolve(String.format("%020d.journal", 1)));
            }
            Files.write(segment, data.consumeRemainingAsBytes(), java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
            List<Long> seen = new ArrayList<>();
            try (Journal ignored = Journal.open(dir, 1 << 20, 0, (seq, entries) -> {
                seen.add(seq);
                for (JournalEntry e : entries) {
                    assertTrue(e.table() != null && e.key() != null);
                }
            })) {
                assertTrue(seen.size() >= good, "good records were lost: " + seen);
                for (int i = 0; i < seen.size(); i++) {
                    assertEquals(i + 1L, seen.get(i), "records out of order: " + seen);
                }
            } catch (IOException | IllegalStateException refused) {
                // refused cleanly: a damaged journal is not opened
            }
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(dir);
        }
    }
}
