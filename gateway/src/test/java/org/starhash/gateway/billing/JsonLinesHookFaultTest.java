package org.starhash.gateway.billing;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.starhash.billing.BillingHooks;
import org.starhash.billing.ChargeEvent;
import org.starhash.billing.HookContext;
import org.starhash.billing.JsonLinesHook;
import org.starhash.gateway.store.FaultyDisk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The billing file under write, force and space faults: never a torn line, every event there after a retry. */
class JsonLinesHookFaultTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/Ljubljana");
    private static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");
    private final ObjectMapper json = new ObjectMapper();

    private static List<ChargeEvent> batch(int from, int count) {
        List<ChargeEvent> events = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            events.add(new ChargeEvent("c-" + i, AT, "38641000001", "sms:7070:PORABA", 1, 9, false));
        }
        return events;
    }

    @Test
    void aFailedWriteIsCutBackAndTheRetryLeavesOnlyWholeLines(@TempDir Path data) throws Exception {
        int runs = 0;
        for (FaultyDisk.Op op : new FaultyDisk.Op[] {FaultyDisk.Op.WRITE, FaultyDisk.Op.FORCE, FaultyDisk.Op.OPEN}) {
            // The file is opened once, and again only after a failed write could not be cut back.
            for (int nth = 1; nth <= (op == FaultyDisk.Op.OPEN ? 1 : 4); nth++) {
                Path dir = data.resolve("run" + runs++);
                FaultyDisk disk = new FaultyDisk();
                Set<String> sent = new HashSet<>();
                try (BillingHooks hooks = BillingHooks.of(new HookContext(dir, ZONE), List.of(new JsonLinesHook(disk::open)))) {
                    disk.failAt(op, nth, p -> true, false);
                    for (int b = 0; b < 6; b++) {
                        List<ChargeEvent> events = batch(b * 10, 10);
                        try {
                            hooks.accept(events);
                        } catch (IOException e) {
                            hooks.accept(events); // the dispatcher offers the same batch again
                        }
                        events.forEach(e -> sent.add(e.id()));
                    }
                }
                assertTrue(disk.injected() > 0, op + " #" + nth + " did not fire");
                assertWholeLines(dir, sent, op + " #" + nth);
            }
        }
    }

    @Test
    void aFullDiskRefusesTheBatchAndLeavesNoPartOfIt(@TempDir Path dir) throws Exception {
        FaultyDisk disk = new FaultyDisk();
        Set<String> sent = new HashSet<>();
        try (BillingHooks hooks = BillingHooks.of(new HookContext(dir, ZONE), List.of(new JsonLinesHook(disk::open)))) {
            hooks.accept(batch(0, 5));
            batch(0, 5).forEach(e -> sent.add(e.id()));
            disk.spaceLeft(300);
            assertThrows(IOException.class, () -> hooks.accept(batch(5, 20)));
            assertWholeLines(dir, sent, "while the disk is full");
            disk.heal();
            hooks.accept(batch(5, 20));
            batch(5, 20).forEach(e -> sent.add(e.id()));
        }
        assertWholeLines(dir, sent, "after space was freed");
    }

    @Test
    void aBatchOverMidnightWhoseSecondDayFailsIsNotWrittenTwiceForTheFirst(@TempDir Path dir) throws Exception {
        FaultyDisk disk = new FaultyDisk();
        List<ChargeEvent> events = List.of(
                new ChargeEvent("late-1", Instant.parse("2026-11-23T22:00:00Z"), "38641000001", "sms:7070:PORABA", 1, 9, false),
                new ChargeEvent("late-2", Instant.parse("2026-11-23T22:10:00Z"), "38641000001", "sms:7070:PORABA", 1, 9, false),
                new ChargeEvent("next-1", Instant.parse("2026-11-23T23:30:00Z"), "38641000001", "sms:7070:PORABA", 1, 9, false));
        try (BillingHooks hooks = BillingHooks.of(new HookContext(dir, ZONE), List.of(new JsonLinesHook(disk::open)))) {
            disk.failAt(FaultyDisk.Op.OPEN, 2, p -> true, false);
            assertThrows(IOException.class, () -> hooks.accept(events));
            hooks.accept(events);
        }
        // 22:00 and 22:10 UTC are the 23rd in Ljubljana, 23:30 UTC the 24th.
        assertEquals(List.of("late-1", "late-2"), ids(JsonLinesHook.fileOf(dir, LocalDate.of(2026, 11, 23))));
        assertEquals(List.of("next-1"), ids(JsonLinesHook.fileOf(dir, LocalDate.of(2026, 11, 24))));
    }

    private List<String> ids(Path file) throws IOException {
        List<String> ids = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            ids.add(json.readTree(line).get("id").asText());
        }
        return ids;
    }

    @Test
    void aLineACrashCutShortIsCutOffAtOpen(@TempDir Path dir) throws Exception {
        try (BillingHooks hooks = BillingHooks.of(new HookContext(dir, ZONE), List.of(new JsonLinesHook()))) {
            hooks.accept(batch(0, 3));
        }
        Path file = JsonLinesHook.fileOf(dir, LocalDate.of(2026, 11, 23));
        Files.writeString(file, "{\"id\":\"c-3\",\"at\":\"2026-11", StandardOpenOption.APPEND);
        try (BillingHooks hooks = BillingHooks.of(new HookContext(dir, ZONE), List.of(new JsonLinesHook()))) {
            hooks.accept(batch(3, 2));
        }
        assertWholeLines(dir, Set.of("c-0", "c-1", "c-2", "c-3", "c-4"), "after a torn tail");
    }

    /** Every line parses as a charge event, and every event sent is there (a retried one may be twice). */
    private void assertWholeLines(Path dir, Set<String> sent, String when) throws IOException {
        Path file = JsonLinesHook.fileOf(dir, LocalDate.of(2026, 11, 23));
        String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        assertTrue(text.isEmpty() || text.endsWith("\n"), when + ": the file ends in a torn line");
        Set<String> seen = new HashSet<>();
        for (String line : text.split("\n")) {
            if (!line.isEmpty()) {
                seen.add(json.readTree(line).get("id").asText());
            }
        }
        assertEquals(sent, seen, when);
    }
}
