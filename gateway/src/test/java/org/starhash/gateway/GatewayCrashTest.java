package org.starhash.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.starhash.gateway.billing.PendingCharges;
import org.starhash.gateway.store.Store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.starhash.gateway.ForkedGateway.sender;

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

    @Test
    void acknowledgedMosSurviveSigkillOfTheGateway(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("config");
        Path data = dir.resolve("data");
        int port = ForkedGateway.freePort();
        ForkedGateway.writeConfig(config, port, PAIRS);
        ForkedGateway.Load load = new ForkedGateway.Load(PAIRS);
        Random random = new Random();
        for (int round = 1; round <= KILLS; round++) {
            Path log = dir.resolve("child-" + round + ".log");
            Process child = ForkedGateway.start(config, data, log);
            try {
                ForkedGateway.awaitBind(port, child, log);
                List<Thread> threads = load.start(port);
                Thread.sleep(1_000 + random.nextInt(SECONDS * 1_000));
                child.destroyForcibly();
                assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the gateway did not die");
                load.stop(threads);
            } finally {
                child.destroyForcibly();
            }
            check(data, load, "after kill " + round);
        }
        assertTrue(load.acknowledged() > 100, "the load acknowledged almost nothing: " + load.acknowledged());
        // A last start and a clean stop hand every waiting charge event to the billing file.
        Path log = dir.resolve("child-last.log");
        Process last = ForkedGateway.start(config, data, log);
        ForkedGateway.awaitBind(port, last, log);
        last.destroy();
        assertTrue(last.waitFor(60, TimeUnit.SECONDS), "the gateway did not stop");
        Map<String, Integer> lines = billingLines(data);
        try (Store store = ForkedGateway.openStore(data)) {
            assertEquals(0, store.size(PendingCharges.TABLE), "charge events still wait after a clean stop");
        }
        for (int i = 0; i < PAIRS; i++) {
            long acked = load.acknowledged(i);
            int events = lines.getOrDefault(sender(i), 0);
            assertTrue(events >= acked, sender(i) + ": " + acked + " MOs acknowledged but " + events
                    + " charge events in the billing file");
        }
        System.out.println("gateway crash test: " + KILLS + " kills, " + load.acknowledged() + " acknowledged MOs checked");
    }

    /** Opens the store the killed gateway left and checks every pair against what the load saw acknowledged. */
    static void check(Path data, ForkedGateway.Load load, String when) throws IOException {
        Map<String, Integer> lines = billingLines(data);
        Map<String, Integer> waiting = new HashMap<>();
        try (Store store = ForkedGateway.openStore(data)) {
            store.forEach(PendingCharges.TABLE, (id, e) -> waiting.merge(e.msisdn(), 1, Integer::sum));
            long gained = 0;
            long billed = 0;
            for (int i = 0; i < load.sent.length(); i++) {
                ForkedGateway.PairState state = ForkedGateway.PairState.read(store, i);
                long acked = load.acknowledged(i);
                String pair = when + ", " + sender(i) + ": ";
                assertEquals(0, state.balanceCents() % ForkedGateway.TOPUP_CENTS, pair + "a top-up was applied by halves");
                assertEquals(state.balanceCents(), state.billedCents(), pair + "the bill and the balance differ");
                assertTrue(state.topupsApplied() >= load.topups.get(i),
                        pair + load.topups.get(i) + " top-ups acknowledged, " + state.topupsApplied() + " applied");
                assertTrue(state.usedSms() >= acked, pair + acked + " MOs acknowledged, " + state.usedSms() + " counted");
                assertTrue(state.usedSms() <= load.sent.get(i), pair + "more MOs counted than were sent");
                int events = lines.getOrDefault(sender(i), 0) + waiting.getOrDefault(sender(i), 0);
                assertTrue(events >= acked, pair + acked + " MOs acknowledged, " + events + " charge events");
                gained += state.balanceCents();
                billed += state.billedCents();
            }
            assertEquals(billed, gained, when + ": money was created or lost");
        }
    }

    /** Charge events in the billing files by MSISDN, each id once; every line must be whole. */
    static Map<String, Integer> billingLines(Path data) throws IOException {
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
}
