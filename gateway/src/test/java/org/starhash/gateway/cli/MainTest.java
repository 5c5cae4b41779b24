package org.starhash.gateway.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.starhash.gateway.Gateway;
import org.starhash.gateway.TestGateway;
import org.starhash.gateway.store.Store;
import org.starhash.gateway.store.StoreSettings;
import org.starhash.gateway.store.Subscribers;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line as an operator uses it, with its output and exit codes. */
class MainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream oldOut;
    private PrintStream oldErr;

    @BeforeEach
    void capture() {
        oldOut = System.out;
        oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void release() {
        System.setOut(oldOut);
        System.setErr(oldErr);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static final String SHIPPED = Path.of("..", "config", "gateway.yaml").toString();

    @Test
    void checkAcceptsTheShippedConfig() {
        assertEquals(0, Main.execute("check", "--config", SHIPPED));
        assertTrue(out().contains("config OK"));
    }

    @Test
    void checkRefusesABadConfigWithOneLine(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("gateway.yaml");
        Files.writeString(bad, Files.readString(Path.of(SHIPPED)).replace("port: 2775", "prot: 2775"));
        assertEquals(2, Main.execute("check", "--config", bad.toString()));
        assertTrue(err().startsWith("starhash: " + bad + ": smpp.prot: unknown key"), err());
        assertEquals(1, err().strip().lines().count(), "one line, no stack trace: " + err());
    }

    @Test
    void importLoadsAllRowsOrNone(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        Path good = dir.resolve("good.csv");
        Files.writeString(good, "msisdn,kind,balance\n070111111,prepaid,5.00\n070111112,prepaid,1.00\n");
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "msisdn,kind,balance\n070111113,prepaid,5.00\n070111114,prepaid,lots\n");
        assertEquals(1, Main.execute("import", bad.toString(), "--config", SHIPPED, "--data", data.toString()));
        assertTrue(err().contains("bad.csv: row 3: 'lots' is not an amount"), err());
        assertEquals(0, Main.execute("import", good.toString(), "--config", SHIPPED, "--data", data.toString()));
        assertTrue(out().contains("imported 2 subscribers"), out());
        try (Store store = Store.open(data.resolve("store"), StoreSettings.DEFAULTS)) {
            assertEquals(2, store.size(Subscribers.TABLE));
            assertEquals(500, store.read(Subscribers.TABLE, "38670111111").orElseThrow().balanceCents());
        }
    }

    @Test
    void dialAndSmsPrintWhatTheGatewayAnswers(@TempDir Path dir) throws Exception {
        try (Gateway gateway = TestGateway.start(dir)) {
            String port = Integer.toString(gateway.smppAddress().getPort());
            assertEquals(0, Main.execute("dial", "070000001", "*123#", "--config", SHIPPED, "--port", port));
            assertTrue(out().contains("Stanje na vašem računu je 12,50 EUR."), out());
            assertEquals(0, Main.execute("sms", "041000001", "7070", "poraba", "--config", SHIPPED, "--port", port));
            assertTrue(out().contains("7070: Vaša informativna dodatna poraba v mesecu 11/2026 je 7,35 EUR."), out());
        }
    }

    @Test
    void dialIsInteractiveUntilTheDialogueEnds(@TempDir Path dir) throws Exception {
        try (Gateway gateway = TestGateway.start(dir)) {
            String port = Integer.toString(gateway.smppAddress().getPort());
            InputStream oldIn = System.in;
            System.setIn(new ByteArrayInputStream("1\n2\n1\n".getBytes(StandardCharsets.UTF_8)));
            try {
                assertEquals(0, Main.execute("dial", "041000001", "*122#", "--config", SHIPPED, "--port", port));
            } finally {
                System.setIn(oldIn);
            }
            assertEquals("Nastavitve\n1 SMS sporočila\n> SMS sporočila\n1 Pokliči nazaj\n2 Zgrešeni klic\n0 Nazaj\n"
                    + "> SMS zgrešeni klic: izklopljeno\n1 Vklop\n2 Izklop\n0 Nazaj\n> SMS zgrešeni klic je vklopljen.\n", out());
        }
    }

    @Test
    void checkValidatesTheShippedMenus() {
        assertEquals(0, Main.execute("check", "--config", SHIPPED, Path.of("..", "menus").toString()));
        assertTrue(out().contains("menus OK: 4 code(s)"), out());
        assertTrue(out().contains("*121#, *122#"), out());
    }

    @Test
    void checkNamesTheFileAndLineOfABadMenuAndExitsNonZero(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("130.yaml"), "code: \"130\"\nmenu:\n  items:\n    - label: Stanje\n      action: balanse\n");
        assertEquals(1, Main.execute("check", "--config", SHIPPED, dir.toString()));
        assertTrue(err().contains(dir.resolve("130.yaml") + ":5: unknown action 'balanse'; known actions: account_overdue, account_reactivate, balance, callback, set, spend"),
                err());
        assertTrue(err().contains("1 problem(s)"), err());
    }

    @Test
    void dialWithoutAGatewaySaysSoInOneLine() {
        assertEquals(1, Main.execute("dial", "070000001", "*123#", "--config", SHIPPED, "--port", "1"));
        assertTrue(err().startsWith("starhash: cannot bind to the gateway at 127.0.0.1:1"), err());
    }

    @Test
    void benchMeasuresEachServerInItsOwnJvmAndWritesTheTableAndJson(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("bench.json");
        assertEquals(0, Main.execute("bench", "--servers", "bare,starhash", "--warmup", "0", "--duration", "1",
                "--binds", "2", "--window", "8", "--subscribers", "500", "--server-jvm=-Xmx256m",
                "--config", SHIPPED, "--json", json.toString()));
        assertTrue(out().contains("| bare |"), out());
        assertTrue(out().contains("| starhash |"), out());
        assertTrue(out().contains("starhash/bare throughput: "), out());
        assertTrue(Files.readString(json).contains("\"server\" : \"starhash\""), Files.readString(json));
    }

    @Test
    void benchRefusesAWindowLargerThanItsSubscribers() {
        assertEquals(1, Main.execute("bench", "--in-process", "--binds", "4", "--window", "100", "--subscribers", "300",
                "--config", SHIPPED));
        assertTrue(err().contains("--subscribers (300) must be at least binds x window (400)"), err());
    }
}
