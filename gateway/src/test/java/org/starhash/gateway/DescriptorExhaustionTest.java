package org.starhash.gateway;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.starhash.gateway.smpp.SmppClient;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A gateway whose descriptor limit is low ({@code prlimit --nofile}) gets idle connections until it has no
 * descriptor left, under load: the binds it has go on being answered and their changes stay durable, the
 * connections it cannot take are refused and logged a few times, not per attempt, and once the idle ones are
 * gone it accepts again; a restart finds every acknowledged MO.
 */
class DescriptorExhaustionTest {

    private static final int PAIRS = 4;
    private static final int LIMIT = 600;

    @Test
    void runningOutOfDescriptorsBreaksNeitherTheStoreNorTheListener(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/prlimit")), "skipped: prlimit (util-linux) is not installed");
        Path config = dir.resolve("config");
        Path data = dir.resolve("data");
        int port = ForkedGateway.freePort();
        // Caps above the descriptors, so that it is the descriptors that run out.
        ForkedGateway.writeConfig(config, port, PAIRS, yaml -> yaml
                .replace("max_connections: 2000            # in all", "max_connections: 100000 # in all")
                .replace("max_connections_per_address: 200 # from one", "max_connections_per_address: 100000 # from one"));
        ForkedGateway.Load load = new ForkedGateway.Load(PAIRS);
        Path log = dir.resolve("gateway.log");
        Process child = ForkedGateway.start(config, data, log, "prlimit", "--nofile=" + LIMIT + ":" + LIMIT, "--");
        List<Socket> idle = new ArrayList<>();
        try {
            ForkedGateway.awaitBind(port, child, log);
            List<Thread> threads = load.start(port);
            Thread.sleep(500);
            int failures = 0;
            while (failures < 3 && idle.size() < 3 * LIMIT) {
                Socket s = new Socket();
                try {
                    s.connect(new InetSocketAddress("127.0.0.1", port), 300);
                    idle.add(s);
                } catch (IOException e) {
                    s.close();
                    failures++;
                }
            }
            assertTrue(idle.size() > LIMIT / 2, "only " + idle.size() + " connections could be opened");
            long before = load.acknowledged();
            Thread.sleep(2_000);
            long whileExhausted = load.acknowledged() - before;
            assertTrue(whileExhausted > 0, "the binds it had were not answered while no descriptor was left");
            for (Socket s : idle) {
                s.close();
            }
            idle.clear();
            Thread.sleep(1_500);
            // A new bind is accepted again, and its MO counts like the others.
            try (SmppClient fresh = SmppClient.connect("127.0.0.1", port, "ussdc", "ussdpw")) {
                load.sent.incrementAndGet(0);
                fresh.sendSms(ForkedGateway.sender(0), "7070", "PORABA");
                load.poraba.incrementAndGet(0);
            }
            load.stop(threads);
            assertTrue(child.isAlive(), "the gateway died:\n" + Files.readString(log));
            child.destroy();
            assertTrue(child.waitFor(60, TimeUnit.SECONDS));
            System.out.println("descriptor test: " + LIMIT + " descriptors, " + whileExhausted
                    + " MOs acknowledged while none was left, " + load.acknowledged() + " in all");
        } finally {
            for (Socket s : idle) {
                s.close();
            }
            child.destroyForcibly();
        }
        String text = Files.readString(log);
        System.out.println("descriptor test, the gateway's log:\n" + text);
        long acceptLines = text.lines().filter(l -> l.contains("accepting SMPP connections")).count();
        assertTrue(acceptLines >= 1 && acceptLines <= 3, acceptLines + " lines about refused connections:\n" + text);
        assertTrue(!text.contains("\tat "), "a stack trace was logged:\n" + text);
        GatewayCrashTest.check(data, load, "after the restart");
    }
}
