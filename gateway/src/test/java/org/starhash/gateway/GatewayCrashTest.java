package org.starhash.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.starhash.gateway.billing.PendingCharges;
import org.starhash.gateway.cli.Main;
import org.starhash.gateway.smpp.SmppClient;
import org.starhash.gateway.store.Store;
import org.starhash.gateway.store.StoreSettings;
import org.starhash.gateway.store.Subscriber;
import org.starhash.gateway.store.Subscribers;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A whole gateway in a JVM of its own under SMPP load (PORABA, and Polni zame top-ups from postpaid senders to
 * prepaid users), killed with SIGKILL at random moments. After each kill every MO whose {@code submit_sm_resp}
 * was 0 is in the store, money is conserved, and the charge events are all there, in the billing file or waiting.
 */
class GatewayCrashTest {

    private static final int PAIRS = 32;
    /** At least 3 in CI; {@code -Dstarhash.crash.kills=N -Dstarhash.crash.seconds=S} for a longer run by hand. */
    private static final int KILLS = Integer.getInteger("starhash.crash.kills", 3);
    private static final int SECONDS = Integer.getInteger("starhash.crash.seconds", 4);
    private static final long TOPUP_CENTS = 500;

    private static String sender(int i) {
        return String.format("3864110%04d", i);
    }

    private static String recipient(int i) {
        return String.format("3867010%04d", i);
    }

    @Test
    void acknowledgedMosSurviveSigkillOfTheGateway(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("config");
        Path data = dir.resolve("data");
        int port = freePort();
        writeConfig(config, port);
        AtomicLongArray ackedPoraba = new AtomicLongArray(PAIRS);
        AtomicLongArray ackedTopups = new AtomicLongArray(PAIRS);
        AtomicLongArray sent = new AtomicLongArray(PAIRS);
        Random random = new Random();
        long total = 0;
        for (int round = 1; round <= KILLS; round++) {
            Process child = start(config, data, dir.resolve("child-" + round + ".log"));
            try {
                awaitBind(port, child, dir.resolve("child-" + round + ".log"));
                List<Thread> load = new ArrayList<>();
                for (int i = 0; i < PAIRS; i++) {
                    int pair = i;
                    Thread t = new Thread(() -> load(port, pair, ackedPoraba, ackedTopups, sent), "load-" + i);
                    t.start();
                    load.add(t);
                }
                Thread.sleep(1_000 + random.nextInt(SECONDS * 1_000));
                child.destroyForcibly();
                assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the gateway did not die");
                for (Thread t : load) {
                    t.join(30_000);
                }
            } finally {
                child.destroyForcibly();
            }
            total = check(data, ackedPoraba, ackedTopups, sent, "after kill " + round);
        }
        assertTrue(total > 100, "the load acknowledged almost nothing: " + total);
        // A last start and a clean stop hand every waiting charge event to the billing file.
        Process last = start(config, data, dir.resolve("child-last.log"));
        awaitBind(port, last, dir.resolve("child-last.log"));
        last.destroy();
        assertTrue(last.waitFor(60, TimeUnit.SECONDS), "the gateway did not stop");
        Map<String, Integer> lines = billingLines(data);
        try (Store store = Store.open(data.resolve("store"), StoreSettings.DEFAULTS)) {
            assertEquals(0, store.size(PendingCharges.TABLE), "charge events still wait after a clean stop");
        }
        for (int i = 0; i < PAIRS; i++) {
            long acked = ackedPoraba.get(i) + ackedTopups.get(i);
            assertTrue(lines.getOrDefault(sender(i), 0) >= acked, sender(i) + ": " + acked
                    + " MOs acknowledged but " + lines.getOrDefault(sender(i), 0) + " charge events in the billing file");
        }
        System.out.println("gateway crash test: " + KILLS + " kills, " + total + " acknowledged MOs checked");
    }

    /** Sends MOs one at a time on a bind of its own until the gateway dies; counts those answered with status 0. */
    private static void load(int port, int pair, AtomicLongArray poraba, AtomicLongArray topups, AtomicLongArray sent) {
        try (SmppClient client = SmppClient.connect("127.0.0.1", port, "ussdc", "ussdpw")) {
            for (long n = 0; ; n++) {
                boolean topup = n % 3 == 2;
                sent.incrementAndGet(pair);
                try {
                    client.sendSms(sender(pair), "7070", topup ? "POLNI 5 0" + recipient(pair).substring(3) : "PORABA");
                } catch (org.jsmpp.extra.NegativeResponseException e) {
                    continue; // refused (busy): not acknowledged, and not applied
                }
                (topup ? topups : poraba).incrementAndGet(pair);
            }
        } catch (Exception e) {
            // the gateway was killed: the connection broke
        }
    }

    /** Opens the store the killed gateway left and checks every pair; returns the acknowledged MOs. */
    private static long check(Path data, AtomicLongArray poraba, AtomicLongArray topups, AtomicLongArray sent,
                              String when) throws IOException {
        Map<String, Integer> lines = billingLines(data);
        Map<String, Integer> waiting = new HashMap<>();
        long total = 0;
        try (Store store = Store.open(data.resolve("store"), StoreSettings.DEFAULTS)) {
            store.forEach(PendingCharges.TABLE, (id, e) -> waiting.merge(e.msisdn(), 1, Integer::sum));
            long gained = 0;
            long billed = 0;
            for (int i = 0; i < PAIRS; i++) {
                Subscriber from = store.read(Subscribers.TABLE, sender(i)).orElseThrow();
                Subscriber to = store.read(Subscribers.TABLE, recipient(i)).orElseThrow();
                long acked = poraba.get(i) + topups.get(i);
                total += acked;
                String pair = when + ", " + sender(i) + ": ";
                assertEquals(0, to.balanceCents() % TOPUP_CENTS, pair + "a top-up was applied by halves");
                long applied = to.balanceCents() / TOPUP_CENTS;
                assertEquals(to.balanceCents(), from.extraSpendCents(), pair + "the bill and the balance differ");
                assertTrue(applied >= topups.get(i), pair + topups.get(i) + " top-ups acknowledged, " + applied + " applied");
                assertTrue(from.used().sms() >= acked, pair + acked + " MOs acknowledged, " + from.used().sms() + " counted");
                assertTrue(from.used().sms() <= sent.get(i), pair + "more MOs counted than were sent");
                int events = lines.getOrDefault(sender(i), 0) + waiting.getOrDefault(sender(i), 0);
                assertTrue(events >= acked, pair + acked + " MOs acknowledged, " + events + " charge events");
                gained += to.balanceCents();
                billed += from.extraSpendCents();
            }
            assertEquals(billed, gained, when + ": money was created or lost");
        }
        return total;
    }

    /** Charge events in the billing files by MSISDN, each id once; every line must be whole. */
    private static Map<String, Integer> billingLines(Path data) throws IOException {
        Map<String, Integer> byMsisdn = new HashMap<>();
        Path billing = data.resolve("billing");
        if (!Files.isDirectory(billing)) {
            return byMsisdn;
        }
        ObjectMapper json = new ObjectMapper();
        Set<String> ids = new HashSet<>();
        try (Stream<Path> files = Files.list(billing)) {
            for (Path file : files.toList()) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                assertTrue(text.isEmpty() || text.endsWith("\n"), file + " ends in a torn line");
                for (String line : text.split("\n")) {
                    if (!line.isEmpty()) {
                        JsonNode event = json.readTree(line);
                        if (ids.add(event.get("id").asText())) {
                            byMsisdn.merge(event.get("msisdn").asText(), 1, Integer::sum);
                        }
                    }
                }
            }
        }
        return byMsisdn;
    }

    private static void writeConfig(Path config, int port) throws IOException {
        Files.createDirectories(config);
        Files.copy(Path.of("..", "config", "directory.csv"), config.resolve("directory.csv"), StandardCopyOption.REPLACE_EXISTING);
        StringBuilder csv = new StringBuilder("msisdn,kind,balance,package_minutes,package_sms,package_mb,used_minutes,"
                + "used_sms,used_mb,extra_spend,tax_number,spp_code\n");
        for (int i = 0; i < PAIRS; i++) {
            csv.append(sender(i)).append(",postpaid,0,1000,100000000,1000,0,0,0,0,,\n");
            csv.append(recipient(i)).append(",prepaid,0,0,0,0,0,0,0,0,,\n");
        }
        Files.writeString(config.resolve("subscribers.csv"), csv);
        String yaml = Files.readString(Path.of("..", "config", "gateway.yaml"))
                .replace("menus: ../menus", "menus: \"" + Path.of("..", "menus").toAbsolutePath().normalize() + "\"")
                .replace("port: 2775 ", "port: " + port + " ")
                .replace("port: 8080 ", "port: -1 ")
                .replace("daily_limit: 100 ", "daily_limit: 100000000 ");
        Files.writeString(config.resolve("gateway.yaml"), yaml);
    }

    private static Process start(Path config, Path data, Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "serve", "--config", config.resolve("gateway.yaml").toString(), "--data", data.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    private static void awaitBind(int port, Process child, Path log) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            assertTrue(child.isAlive(), "the gateway exited:\n" + Files.readString(log));
            try (SmppClient ignored = SmppClient.connect("127.0.0.1", port, "ussdc", "ussdpw")) {
                return;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("the gateway did not listen within 60 s:\n" + Files.readString(log));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
