package org.starhash.gateway.config;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.starhash.gateway.values.Numbering;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Any CSV imports or is refused with a CsvException naming the row; nothing else escapes the reader. */
class SubscriberCsvFuzzTest {

    private static final Numbering SLOVENIA = new Numbering("386", "0");

    @FuzzTest(maxDuration = "60s")
    void anyCsvImportsOrIsRefused(FuzzedDataProvider data) throws IOException {
        byte[] csv = data.consumeRemainingAsString().getBytes(StandardCharsets.UTF_8);
        try {
            SubscriberCsv.read(new ByteArrayInputStream(csv), "subs.csv", SLOVENIA, YearMonth.of(2026, 11));
        } catch (SubscriberCsv.CsvException refused) {
            // the documented refusal: one line naming the file
            assertTrue(refused.getMessage().startsWith("subs.csv") && !refused.getMessage().contains("\n"),
                    refused.getMessage());
        }
    }
}
