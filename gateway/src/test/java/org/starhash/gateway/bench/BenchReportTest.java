package org.starhash.gateway.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchReportTest {

    private static BenchResult result(String server, double throughput, Map<String, Long> errors) {
        return new BenchResult(server, "closed loop", 10, (long) (throughput * 10), throughput, 1, 2, 3, 4, 5, errors, 0, 0);
    }

    private final BenchReport report = BenchReport.of(LocalDate.of(2026, 11, 23), "closed loop", List.of(
            result("bare", 800_000, Map.of()), result("jsmpp", 8_000, Map.of()),
            result("starhash", 100_000, Map.of("0x00000058 ESME_RTHROTTLED", 3L))));

    @Test
    void ratiosCompareStarhashWithEachBaseline() {
        assertEquals(0.125, report.ratios().get("starhash/bare"), 1e-9);
        assertEquals(12.5, report.ratios().get("starhash/jsmpp"), 1e-9);
    }

    @Test
    void theTableHasARowPerServerAndNamesTheErrors() {
        String text = report.markdown();
        assertTrue(text.contains("| bare | 800,000 | 1.00 | 2.00 | 3.00 | 4.00 | 5.00 | 0 |"), text);
        assertTrue(text.contains("| starhash | 100,000 |"), text);
        assertTrue(text.contains("starhash/bare throughput: 0.125 (1/8.0)"), text);
        assertTrue(text.contains("starhash/jsmpp throughput: 12.500 (12.5x)"), text);
        assertTrue(text.contains("starhash: errors {0x00000058 ESME_RTHROTTLED=3}"), text);
    }

    @Test
    void jsonCarriesTheSameFigures(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bench.json");
        report.writeJson(file);
        JsonNode json = new ObjectMapper().readTree(file.toFile());
        assertEquals("2026-11-23", json.get("date").asText());
        assertEquals(3, json.get("results").size());
        assertEquals(100_000, json.get("results").get(2).get("throughput").asDouble());
        assertEquals(12.5, json.get("ratios").get("starhash/jsmpp").asDouble());
    }
}
