package org.starhash.gateway;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.starhash.gateway.store.Store;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A real full disk: the data directory on a small tmpfs, filled under load. The gateway refuses changes while
 * it is full, takes them again by itself once space is freed, logs the fault a few times and not per request,
 * and a restart finds every acknowledged MO and no stray file.
 */
class DiskFullTest {

    private static final int PAIRS = 8;

    @Test
    void aFullDiskIsRefusedThenRecoveredWithoutARestart(@TempDir Path dir) throws Exception {
        Path mount = Files.createDirectories(dir.resolve("tmpfs"));
        Process mounting = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=24m", "tmpfs", mount.toString())
                .redirectErrorStream(true).start();
        String said = new String(mounting.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assumeTrue(mounting.waitFor(30, TimeUnit.SECONDS) && mounting.exitValue() == 0,
                "skipped: cannot mount a tmpfs here (it needs root): " + said.strip());
        try {
            run(dir, mount.resolve("data"));
        } finally {
            new ProcessBuilder("umount", "-l", mount.toString()).start().waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static void run(Path dir, Path data) throws Exception {
        Path config = dir.resolve("config");
        int port = ForkedGateway.freePort();
        ForkedGateway.writeConfig(config, port, PAIRS);
        ForkedGateway.Load load = new ForkedGateway.Load(PAIRS);
        Path log = dir.resolve("gateway.log");
        Process child = ForkedGateway.start(config, data, log);
        try {
            ForkedGateway.awaitBind(port, child, log);
            List<Thread> threads = load.start(port);
            Thread.sleep(1_000);
            Path filler = data.resolve("filler");
            fill(filler);
            long ackedWhenFull = load.acknowledged();
            Thread.sleep(3_000);
            assertTrue(load.refused.get() > 0, "nothing was refused while the disk was full");
            long ackedWhileFull = load.acknowledged() - ackedWhenFull;
            Files.delete(filler);
            long refusedBefore = load.refused.get();
            long ackedBefore = load.acknowledged();
            long deadline = System.currentTimeMillis() + 20_000;
            while (load.acknowledged() < ackedBefore + 100 && System.currentTimeMillis() < deadline) {
                Thread.sleep(100);
            }
            assertTrue(load.acknowledged() >= ackedBefore + 100, "the gateway did not take changes again after space"
                    + " was freed; " + (load.refused.get() - refusedBefore) + " refused since");
            load.stop(threads);
            assertTrue(child.isAlive(), "the gateway died:\n" + Files.readString(log));
            child.destroy();
            assertTrue(child.waitFor(60, TimeUnit.SECONDS));
            System.out.println("disk full test: " + load.refused.get() + " MOs refused, " + ackedWhileFull
                    + " acknowledged while full (before the fault reached them), " + load.acknowledged() + " in all");
        } finally {
            child.destroyForcibly();
        }
        String text = Files.readString(log);
        long lines = text.lines().count();
        assertTrue(lines < 60, "the log grew by " + lines + " lines during the fault:\n" + text);
        assertTrue(!text.contains("\tat "), "a stack trace was logged:\n" + text);
        System.out.println("disk full test, the gateway's log:\n" + text);
        GatewayCrashTest.check(data, load, "after the restart");
        try (Store ignored = ForkedGateway.openStore(data)) {
            // opened and closed again: the state a restart sees
        }
        assertEquals(new TreeSet<>(Set.of("checkpoint.0", "checkpoint.1", "journal", "state-0.db", "state-1.db")),
                names(data.resolve("store")), "stray files in the store");
        try (Stream<Path> journal = Files.list(data.resolve("store").resolve("journal"))) {
            List<String> strays = journal.map(p -> p.getFileName().toString())
                    .filter(n -> !n.matches("\\d{20}\\.journal")).toList();
            assertEquals(List.of(), strays, "stray files in the journal");
        }
    }

    /** Writes zeros until the file system says it is full. */
    private static void fill(Path filler) throws IOException {
        byte[] chunk = new byte[64 << 10];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(chunk);
            }
        } catch (IOException full) {
            if (!String.valueOf(full.getMessage()).contains("No space left")) {
                throw full;
            }
        }
    }

    private static Set<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return new TreeSet<>(files.map(p -> p.getFileName().toString()).toList());
        }
    }
}
