package org.starhash.gateway;

import org.starhash.gateway.cli.Main;
import org.starhash.gateway.smpp.SmppClient;
import org.starhash.gateway.store.Store;
import org.starhash.gateway.store.StoreSettings;
import org.starhash.gateway.store.Subscriber;
import org.starhash.gateway.store.Subscribers;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A gateway in a JVM of its own, as an operator runs it, for tests that kill it or starve it: the shipped
 * config on a free port with pairs of a postpaid sender and a prepaid recipient, and a load of MOs on binds
 * of its own that counts what was acknowledged.
 */
final class ForkedGateway {

    static final long TOPUP_CENTS = 500;

    private ForkedGateway() {
    }

    static String sender(int i) {
        return String.format("3864110%04d", i);
    }

    static String recipient(int i) {
        return String.format("3867010%04d", i);
    }

    /** Writes the shipped config with the port, no HTTP listener, no top-up cap, and the pairs as subscribers. */
    static void writeConfig(Path config, int port, int pairs) throws IOException {
        writeConfig(config, port, pairs, yaml -> yaml);
    }

    /** The same, with a further change to the YAML text. */
    static void writeConfig(Path config, int port, int pairs, java.util.function.UnaryOperator<String> edit) throws IOException {
        Files.createDirectories(config);
        Files.copy(Path.of("..", "config", "directory.csv"), config.resolve("directory.csv"), StandardCopyOption.REPLACE_EXISTING);
        StringBuilder csv = new StringBuilder("msisdn,kind,balance,package_minutes,package_sms,package_mb,used_minutes,"
                + "used_sms,used_mb,extra_spend,tax_number,spp_code\n");
        for (int i = 0; i < pairs; i++) {
            csv.append(sender(i)).append(",postpaid,0,1000,100000000,1000,0,0,0,0,,\n");
            csv.append(recipient(i)).append(",prepaid,0,0,0,0,0,0,0,0,,\n");
        }
        Files.writeString(config.resolve("subscribers.csv"), csv);
        String yaml = Files.readString(Path.of("..", "config", "gateway.yaml"))
                .replace("menus: ../menus", "menus: \"" + Path.of("..", "menus").toAbsolutePath().normalize() + "\"")
                .replace("port: 2775 ", "port: " + port + " ")
                .replace("port: 8080 ", "port: -1 ")
                .replace("daily_limit: 100 ", "daily_limit: 100000000 ");
        Files.writeString(config.resolve("gateway.yaml"), edit.apply(yaml));
    }

    /** Starts {@code serve}, after {@code prefix} (such as {@code prlimit}), with its output in {@code log}. */
    static Process start(Path config, Path data, Path log, String... prefix) throws IOException {
        List<String> command = new ArrayList<>(List.of(prefix));
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "serve", "--config", config.resolve("gateway.yaml").toString(), "--data", data.toString()));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    static void awaitBind(int port, Process child, Path log) throws Exception {
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

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** MOs acknowledged and sent per pair: PORABA, and every third one a Polni zame top-up of 5 EUR. */
    static final class Load {
        final AtomicLongArray poraba;
        final AtomicLongArray topups;
        final AtomicLongArray sent;
        /** MOs answered with an error status: refused, and so not applied. */
        final java.util.concurrent.atomic.AtomicLong refused = new java.util.concurrent.atomic.AtomicLong();
        private volatile boolean stopped;

        Load(int pairs) {
            poraba = new AtomicLongArray(pairs);
            topups = new AtomicLongArray(pairs);
            sent = new AtomicLongArray(pairs);
        }

        long acknowledged(int pair) {
            return poraba.get(pair) + topups.get(pair);
        }

        long acknowledged() {
            long total = 0;
            for (int i = 0; i < sent.length(); i++) {
                total += acknowledged(i);
            }
            return total;
        }

        /** Starts one thread a pair, each on a bind of its own, until {@link #stop} or the gateway dies. */
        List<Thread> start(int port) {
            stopped = false;
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < sent.length(); i++) {
                int pair = i;
                Thread t = new Thread(() -> run(port, pair), "load-" + i);
                t.start();
                threads.add(t);
            }
            return threads;
        }

        void stop(List<Thread> threads) throws InterruptedException {
            stopped = true;
            for (Thread t : threads) {
                t.join(30_000);
            }
        }

        private void run(int port, int pair) {
            try (SmppClient client = SmppClient.connect("127.0.0.1", port, "ussdc", "ussdpw")) {
                for (long n = 0; !stopped; n++) {
                    boolean topup = n % 3 == 2;
                    sent.incrementAndGet(pair);
                    try {
                        client.sendSms(sender(pair), "7070", topup ? "POLNI 5 0" + recipient(pair).substring(3) : "PORABA");
                    } catch (org.jsmpp.extra.NegativeResponseException e) {
                        refused.incrementAndGet();
                        Thread.sleep(5);
                        continue; // refused: not acknowledged, and not applied
                    }
                    (topup ? topups : poraba).incrementAndGet(pair);
                    client.drain(java.time.Duration.ZERO, java.time.Duration.ZERO);
                }
            } catch (Exception e) {
                // the gateway was killed, or the bind timed out: this pair stops
            }
        }
    }

    /** The stored state of a pair: top-ups applied (from the recipient's balance) and MOs counted on the sender. */
    record PairState(long topupsApplied, long balanceCents, long billedCents, long usedSms) {

        static PairState read(Store store, int pair) {
            Subscriber from = store.read(Subscribers.TABLE, sender(pair)).orElseThrow();
            Subscriber to = store.read(Subscribers.TABLE, recipient(pair)).orElseThrow();
            return new PairState(to.balanceCents() / TOPUP_CENTS, to.balanceCents(), from.extraSpendCents(), from.used().sms());
        }
    }

    static Store openStore(Path data) throws IOException {
        return Store.open(data.resolve("store"), StoreSettings.DEFAULTS);
    }
}
