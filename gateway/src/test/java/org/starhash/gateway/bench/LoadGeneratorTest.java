package org.starhash.gateway.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.starhash.billing.JsonLinesHook;
import org.starhash.gateway.Gateway;
import org.starhash.gateway.TestGateway;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The load generator against real servers on the loopback: it completes exactly what it is asked to. */
class LoadGeneratorTest {

    private final List<String> progress = new ArrayList<>();

    private static LoadSpec spec(int port, String password, long count, double rate, String mix, int subscribers) {
        return new LoadSpec("127.0.0.1", port, "ussdc", password, 2, 16, Duration.ZERO, Duration.ofSeconds(30), count,
                rate, Mix.parse(mix), BenchSubscribers.FIRST_MSISDN, subscribers, 1);
    }

    @Test
    void closedLoopAgainstTheBareResponderCompletesTheCountWithoutErrors() throws Exception {
        try (BareResponder bare = new BareResponder("127.0.0.1", 0, Baselines.REPLY_TEXT)) {
            BenchResult result = LoadGenerator.run("bare", spec(bare.port(), "x", 3_000, 0, "poraba", 1_000),
                    progress::add);
            assertEquals(3_000, result.transactions());
            assertTrue(result.errors().isEmpty(), result.errors().toString());
            assertEquals(0, result.strays());
            assertEquals(0, result.unanswered());
            assertTrue(result.p50() > 0 && result.p50() <= result.p99() && result.p99() <= result.max());
        }
    }

    @Test
    void openLoopAgainstJsmppCompletesTheCount() throws Exception {
        try (JsmppPeer peer = new JsmppPeer(java.net.InetAddress.getLoopbackAddress(), 0, 1024, Baselines.REPLY_TEXT)) {
            BenchResult result = LoadGenerator.run("jsmpp", spec(peer.port(), "x", 400, 2_000, "poraba", 1_000),
                    progress::add);
            assertEquals(400, result.transactions());
            assertTrue(result.errors().isEmpty(), result.errors().toString());
        }
    }

    @Test
    void theGatewayChargesEveryPorabaOfAMixAndAnswersEveryMo(@TempDir Path data) throws Exception {
        try (Gateway gateway = TestGateway.start(data)) {
            BenchSubscribers.create(gateway.store(), BenchSubscribers.FIRST_MSISDN, 200, YearMonth.of(2026, 11));
            BenchResult result = LoadGenerator.run("starhash", spec(gateway.smppAddress().getPort(), "ussdpw", 600, 0,
                    "poraba=2,balance=1", 200), progress::add);
            assertEquals(600, result.transactions());
            assertTrue(result.errors().isEmpty(), result.errors().toString());
            assertEquals(0, result.strays());
            Path charges = JsonLinesHook.fileOf(data, LocalDate.of(2026, 11, 23));
            assertEquals(400, awaitLines(charges, 400), "one charge per PORABA, none for *123#");
        }
    }

    @Test
    void aRefusedBindIsReportedWithItsStatus(@TempDir Path data) throws Exception {
        try (Gateway gateway = TestGateway.start(data)) {
            IOException e = assertThrows(IOException.class, () -> LoadGenerator.run("starhash",
                    spec(gateway.smppAddress().getPort(), "wrong", 10, 0, "poraba", 100), progress::add));
            assertTrue(e.getMessage().contains("ESME_RINVPASWD"), e.getMessage());
        }
    }

    @Test
    void aServerThatIsNotThereIsReportedByAddress() {
        IOException e = assertThrows(IOException.class, () -> LoadGenerator.run("none",
                spec(1, "x", 10, 0, "poraba", 100), progress::add));
        assertTrue(e.getMessage().startsWith("cannot connect to 127.0.0.1:1"), e.getMessage());
    }

    private static long awaitLines(Path file, long expected) throws Exception {
        long lines = 0;
        for (int i = 0; i < 200 && lines < expected; i++) {
            lines = Files.exists(file) ? Files.readAllLines(file).size() : 0;
            if (lines < expected) {
                Thread.sleep(50);
            }
        }
        return lines;
    }
}
