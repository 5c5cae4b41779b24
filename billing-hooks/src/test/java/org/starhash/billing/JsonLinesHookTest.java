package org.starhash.billing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonLinesHookTest {

    private static final ZoneId LJUBLJANA = ZoneId.of("Europe/Ljubljana");

    @Test
    void writesOneLinePerEventIntoTheFileOfItsDay(@TempDir Path data) throws Exception {
        ChargeEvent lateEvening = new ChargeEvent("c-1", Instant.parse("2026-11-23T23:30:00Z"), "38641000001",
                "sms:7070:PORABA", 1, 9, false);
        ChargeEvent sameDay = new ChargeEvent("c-2", Instant.parse("2026-11-23T10:00:00Z"), "38641000001",
                "sms:1919:NOGICE", 1, 100, true);
        try (BillingHooks hooks = BillingHooks.of(new HookContext(data, LJUBLJANA), List.of(new JsonLinesHook()))) {
            hooks.accept(List.of(sameDay, lateEvening));
        }
        // 23:30 UTC is already the next day in Ljubljana.
        List<Path> files;
        try (var listing = Files.list(data.resolve("billing"))) {
            files = listing.sorted().toList();
        }
        assertEquals(List.of(JsonLinesHook.fileOf(data, LocalDate.of(2026, 11, 23)),
                JsonLinesHook.fileOf(data, LocalDate.of(2026, 11, 24))), files);
        List<String> first = Files.readAllLines(files.get(0));
        assertEquals(1, first.size());
        assertTrue(first.get(0).contains("\"id\":\"c-2\""), first.get(0));
        assertTrue(first.get(0).contains("\"amountCents\":100"), first.get(0));
        assertTrue(first.get(0).contains("\"vatExempt\":true"), first.get(0));
        assertTrue(first.get(0).contains("\"at\":\"2026-11-23T10:00:00Z\""), first.get(0));
    }

    @Test
    void appendsAcrossReopen(@TempDir Path data) throws Exception {
        HookContext context = new HookContext(data, LJUBLJANA);
        ChargeEvent event = new ChargeEvent("c-1", Instant.parse("2026-11-23T10:00:00Z"), "38641000001",
                "sms:7070:PORABA", 1, 9, false);
        try (BillingHooks hooks = BillingHooks.of(context, List.of(new JsonLinesHook()))) {
            hooks.accept(List.of(event));
        }
        try (BillingHooks hooks = BillingHooks.of(context, List.of(new JsonLinesHook()))) {
            hooks.accept(List.of(new ChargeEvent("c-2", event.at(), event.msisdn(), event.service(), 1, 9, false)));
        }
        assertEquals(2, Files.readAllLines(JsonLinesHook.fileOf(data, LocalDate.of(2026, 11, 23))).size());
    }

    @Test
    void serviceLoaderFindsTheBuiltInHook(@TempDir Path data) throws Exception {
        try (BillingHooks hooks = BillingHooks.load(new HookContext(data, LJUBLJANA))) {
            assertEquals(List.of("json-lines"), hooks.names());
        }
    }
}
