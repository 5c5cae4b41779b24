package org.starhash.gateway.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Kills a JVM that writes to the store under load with SIGKILL at random moments, and checks after each
 * reopen that every acknowledged transfer is there and that no transfer is there by halves.
 */
class StoreCrashTest {

    private static final int PAIRS = 32;
    private static final int KILLS = 5;
    /** Rounds whose child is killed while it opens the store, in the middle of the journal replay. */
    private static final int KILLS_DURING_OPEN = 3;

    @Test
    void acknowledgedChangesSurviveKillNine(@TempDir Path dir, @TempDir Path ackDir) throws Exception {
        Random random = new Random();
        long totalAcked = 0;
        for (int round = 1; round <= KILLS; round++) {
            Path ackFile = ackDir.resolve("acks-" + round + ".txt");
            runAndKill(dir, ackFile, 300 + random.nextInt(900));
            for (int early = 0; early < KILLS_DURING_OPEN && round == 2; early++) {
                killWhileOpening(dir, ackFile, random.nextInt(700));
            }
            long[] acked = readAcks(ackFile);
            try (Store store = Store.open(dir, StoreSettings.DEFAULTS)) {
                long sum = 0;
                for (int pair = 0; pair < PAIRS; pair++) {
                    long from = store.read(Subscribers.TABLE, CrashWorkload.sender(pair)).map(Subscriber::balanceCents).orElse(0L);
                    long to = store.read(Subscribers.TABLE, CrashWorkload.receiver(pair)).map(Subscriber::balanceCents).orElse(0L);
                    long transfers = CrashWorkload.transfersOf(from);
                    assertTrue(transfers >= 0, "round " + round + " pair " + pair + ": sender balance " + from
                            + " is not the sum of whole transfers");
                    assertEquals(-from, to, "round " + round + " pair " + pair + ": a transfer was applied by halves");
                    assertTrue(transfers >= acked[pair], "round " + round + " pair " + pair + ": "
                            + acked[pair] + " transfers were acknowledged but only " + transfers + " survived");
                    // The next transfer is submitted only after the acknowledgement of this one is written, so each
                    // process killed in the round may leave one durable transfer it never acknowledged: the first,
                    // and each one killed while opening that got as far as a transfer of its own.
                    int processes = 1 + (round == 2 ? KILLS_DURING_OPEN : 0);
                    assertTrue(acked[pair] == 0 || transfers <= acked[pair] + processes, "round " + round + " pair "
                            + pair + ": " + transfers + " transfers stored but only " + acked[pair] + " acknowledged");
                    sum += from + to;
                    totalAcked += acked[pair];
                }
                assertEquals(0, sum, "money was created or lost");
            }
        }
        assertTrue(totalAcked > 0, "the workload acknowledged nothing before it was killed");
        System.out.println("crash test: " + KILLS + " kills, " + totalAcked + " acknowledged transfers checked");
    }

    private static void runAndKill(Path dir, Path ackFile, long millis) throws Exception {
        Process child = workload(dir, ackFile).start();
        CountDownLatch ready = new CountDownLatch(1);
        StringBuilder other = new StringBuilder();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.equals("READY")) {
                        ready.countDown();
                    } else if (other.length() < 10_000) {
                        other.append(line).append('\n');
                    }
                }
            } catch (IOException ignored) {
                // the pipe breaks when the child is killed
            }
        });
        reader.start();
        assertTrue(ready.await(60, TimeUnit.SECONDS), "workload did not start:\n" + other);
        Thread.sleep(millis);
        child.destroyForcibly();
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        reader.join(10_000);
    }

    /** Starts the workload and kills it after {@code millis}, READY or not: mostly while it opens and replays. */
    private static void killWhileOpening(Path dir, Path ackFile, long millis) throws Exception {
        Process child = workload(dir, ackFile).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Thread.sleep(millis);
        child.destroyForcibly();
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
    }

    private static ProcessBuilder workload(Path dir, Path ackFile) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                CrashWorkload.class.getName(), dir.toString(), Integer.toString(PAIRS), ackFile.toString())
                .redirectErrorStream(true);
    }

    /** The highest acknowledged transfer of each pair; a line cut by the kill has no newline and is skipped. */
    private static long[] readAcks(Path ackFile) throws IOException {
        long[] acked = new long[PAIRS];
        if (!Files.exists(ackFile)) {
            return acked;
        }
        String text = Files.readString(ackFile, StandardCharsets.US_ASCII);
        for (String line : text.substring(0, text.lastIndexOf('\n') + 1).split("\n")) {
            if (!line.isEmpty()) {
                String[] parts = line.split(" ");
                int pair = Integer.parseInt(parts[0]);
                acked[pair] = Math.max(acked[pair], Long.parseLong(parts[1]));
            }
        }
        return acked;
    }
}
