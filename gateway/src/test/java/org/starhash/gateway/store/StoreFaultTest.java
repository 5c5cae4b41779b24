package org.starhash.gateway.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Makes every kind of file operation of the store fail at many points (journal append and force, segment start
 * and removal, the state files and markers of a checkpoint, replay at start), and checks each time that the store
 * goes on by itself once the fault is gone, and that a reopen holds exactly the acknowledged changes and no debris.
 */
class StoreFaultTest {

    /** Small segments and a tiny cache, so faults also land in segment changes and state-file reads. */
    private static final StoreSettings SETTINGS = new StoreSettings(64, 1024, Duration.ofMillis(20), 4096, 4);
    private static final long[] POINTS = {1, 2, 3, 5, 8, 13, 21, 34};

    private static final Predicate<Path> JOURNAL = p -> p.toString().contains("journal");
    private static final Predicate<Path> STATE = p -> p.getFileName().toString().startsWith("state-");
    private static final Predicate<Path> MARKER = p -> p.getFileName().toString().startsWith("checkpoint.");
    private static final Predicate<Path> ANY = p -> true;

    private record Case(FaultyDisk.Op op, String files, Predicate<Path> filter) {
    }

    private static final List<Case> CASES = List.of(
            new Case(FaultyDisk.Op.WRITE, "journal", JOURNAL),
            new Case(FaultyDisk.Op.FORCE, "journal", JOURNAL),
            new Case(FaultyDisk.Op.WRITE, "state file", STATE),
            new Case(FaultyDisk.Op.FORCE, "state file", STATE),
            new Case(FaultyDisk.Op.READ, "state file", STATE),
            new Case(FaultyDisk.Op.WRITE, "marker", MARKER),
            new Case(FaultyDisk.Op.FORCE, "marker", MARKER),
            new Case(FaultyDisk.Op.OPEN, "any file", ANY),
            new Case(FaultyDisk.Op.RENAME, "any file", ANY),
            new Case(FaultyDisk.Op.DELETE, "any file", ANY));

    @Test
    void aSingleFaultAtAnyPointLosesNothingAndTheStoreGoesOnByItself(@TempDir(factory = MemoryTempDir.class) Path root) throws Exception {
        int runs = 0;
        long faults = 0;
        for (Case c : CASES) {
            long fired = 0;
            for (long n : POINTS) {
                for (boolean persistent : new boolean[] {false, true}) {
                    if (persistent && n > 3) {
                        continue;
                    }
                    String name = c.op() + " " + c.files() + " #" + n + (persistent ? " and after" : "");
                    fired += run(root.resolve("run" + runs++), name,
                            disk -> disk.failAt(c.op(), n, c.filter(), persistent));
                }
            }
            assertTrue(fired > 0, "no " + c.op() + " fault on a " + c.files() + " ever fired");
            faults += fired;
        }
        assertTrue(faults >= runs, "the faults did not fire: " + faults + " in " + runs + " runs");
        System.out.println("store fault test: " + runs + " runs, " + faults + " injected faults");
    }

    @Test
    void aFullDiskRefusesChangesAnswersReadsAndRecoversByItself(@TempDir(factory = MemoryTempDir.class) Path root) throws Exception {
        int runs = 0;
        for (long budget : new long[] {0, 60, 200, 1_000, 5_000, 20_000, 100_000}) {
            run(root.resolve("run" + runs++), "disk full after " + budget + " bytes", disk -> disk.spaceLeft(budget));
        }
    }

    @Test
    void descriptorsRunningOutLoseNothing(@TempDir(factory = MemoryTempDir.class) Path root) throws Exception {
        run(root, "no descriptors left", disk -> disk.descriptorsExhausted(true));
    }

    /**
     * Opens a store on a faulty disk, makes transfers and checkpoints while the fault is armed, heals the disk,
     * checks the store takes changes and checkpoints again, then reopens it on the real disk and checks everything.
     */
    private static long run(Path dir, String name, java.util.function.Consumer<FaultyDisk> arm) throws Exception {
        FaultyDisk disk = new FaultyDisk();
        Transfers transfers = new Transfers();
        Store store = Store.open(dir, SETTINGS, disk);
        try {
            for (int i = 0; i < 20; i++) {
                assertTrue(transfers.transfer(store), name + ": refused before any fault");
            }
            assertTrue(store.checkpoint().join(), name + ": checkpoint before any fault");
            arm.accept(disk);
            for (int i = 1; i <= 80; i++) {
                transfers.transfer(store);
                if (i % 10 == 0) {
                    store.checkpoint().join();
                    transfers.check(store, name + ", during the fault");
                }
            }
            disk.heal();
            assertTrue(transfers.transferUntilAcknowledged(store, 15_000), name + ": refuses changes after the disk healed");
            assertTrue(store.checkpoint().join(), name + ": cannot checkpoint after the disk healed");
            for (int i = 0; i < 10; i++) {
                assertTrue(transfers.transfer(store), name + ": refused after the disk healed");
            }
            transfers.check(store, name + ", after healing");
        } finally {
            store.close();
        }
        try (Store reopened = Store.open(dir, SETTINGS)) {
            transfers.check(reopened, name + ", reopened");
        }
        assertEquals(expectedFiles(), files(dir), name + ": files left behind");
        return disk.injected();
    }

    @Test
    void aCheckpointThatKeepsFailingKeepsTheJournalAndCatchesUpWhenItWorks(@TempDir(factory = MemoryTempDir.class) Path dir) throws Exception {
        FaultyDisk disk = new FaultyDisk();
        Transfers transfers = new Transfers();
        try (Store store = Store.open(dir, SETTINGS, disk)) {
            disk.failAt(FaultyDisk.Op.WRITE, 1, STATE, true);
            for (int i = 0; i < 300; i++) {
                assertTrue(transfers.transfer(store), "a change was refused while only checkpoints failed");
            }
            assertFalse(store.checkpoint().join(), "a checkpoint into a failing state file completed");
            long segments = journalSegments(dir);
            assertTrue(segments > 3, "the journal was not kept while checkpoints failed: " + segments + " segments");
            disk.heal();
            assertTrue(store.checkpoint().join(), "no checkpoint once the state file could be written");
            transfers.check(store, "after the checkpoint caught up");
            // The journal is kept from the older state file's checkpoint: one more checkpoint releases it.
            assertTrue(transfers.transfer(store));
            assertTrue(store.checkpoint().join());
            assertTrue(journalSegments(dir) < segments, "old journal segments were not removed after the checkpoint");
        }
        try (Store reopened = Store.open(dir, SETTINGS)) {
            transfers.check(reopened, "reopened");
            assertEquals(0, reopened.stats().replayed(), "a clean stop left journal records to replay");
        }
    }

    @Test
    void aFailedReplayAtStartChangesNothingAndTheNextStartHasEverything(@TempDir(factory = MemoryTempDir.class) Path dir) throws Exception {
        Transfers transfers = new Transfers();
        FaultyDisk stuck = new FaultyDisk();
        try (Store store = Store.open(dir, SETTINGS, stuck)) {
            for (int i = 0; i < 200; i++) {
                assertTrue(transfers.transfer(store));
            }
            // Checkpoints fail from here on, the final one too: the next start replays the journal.
            stuck.failAt(FaultyDisk.Op.WRITE, 1, STATE, true);
            for (int i = 0; i < 200; i++) {
                assertTrue(transfers.transfer(store));
            }
        }
        int failed = 0;
        boolean first = true;
        for (FaultyDisk.Op op : new FaultyDisk.Op[] {FaultyDisk.Op.READ, FaultyDisk.Op.OPEN, FaultyDisk.Op.WRITE,
                FaultyDisk.Op.FORCE, FaultyDisk.Op.DELETE}) {
            for (long n : POINTS) {
                FaultyDisk disk = new FaultyDisk().failAt(op, n, ANY, true);
                try (Store store = Store.open(dir, SETTINGS, disk)) {
                    // Opened all the same: a fault at that point did not matter to the open.
                    transfers.check(store, "opened with " + op + " #" + n + " failing");
                } catch (IOException | RuntimeException e) {
                    failed++;
                }
                try (Store store = Store.open(dir, SETTINGS, new FaultyDisk().failAt(FaultyDisk.Op.WRITE, 1, STATE, true))) {
                    transfers.check(store, "reopened after " + op + " #" + n + " failed the open");
                    // Before any open that lets a checkpoint through, the changes are in the journal alone.
                    assertTrue(!first || store.stats().replayed() > 0, "the journal tail was not replayed");
                    first = false;
                }
            }
        }
        assertTrue(failed > 10, "the faults at start did not make opens fail: " + failed);
        try (Store store = Store.open(dir, SETTINGS)) {
            transfers.check(store, "the last open");
        }
    }

    @Test
    void aTornCheckpointMarkerFallsBackToTheOtherSlot(@TempDir(factory = MemoryTempDir.class) Path dir) throws Exception {
        Transfers transfers = new Transfers();
        try (Store store = Store.open(dir, SETTINGS)) {
            for (int i = 0; i < 50; i++) {
                assertTrue(transfers.transfer(store));
            }
        }
        for (String slot : new String[] {"checkpoint.0", "checkpoint.1"}) {
            Path marker = dir.resolve(slot);
            byte[] saved = Files.readAllBytes(marker);
            byte[] torn = saved.clone();
            torn[torn.length - 10] ^= 0x5a;
            Files.write(marker, torn);
            try (Store store = Store.open(dir, SETTINGS)) {
                transfers.check(store, "with " + slot + " torn");
            }
            // the open wrote a new marker into one slot; the other may still be the torn one: write it back whole
            Files.write(marker, saved);
        }
    }

    @Test
    void aStartCleansWhatACrashedCheckpointAndJournalLeft(@TempDir(factory = MemoryTempDir.class) Path dir) throws Exception {
        Transfers transfers = new Transfers();
        try (Store store = Store.open(dir, SETTINGS)) {
            for (int i = 0; i < 50; i++) {
                assertTrue(transfers.transfer(store));
            }
        }
        Files.writeString(dir.resolve("journal").resolve("next.spare"), "left by a crash");
        Files.writeString(dir.resolve("state.db.wal.0"), "");
        Files.writeString(dir.resolve("state.db.wal.17"), "");
        try (Store store = Store.open(dir, SETTINGS)) {
            transfers.check(store, "after debris");
        }
        assertEquals(expectedFiles(), files(dir));
    }

    @Test
    void aStoreOfTheEarlierLayoutIsMigrated(@TempDir(factory = MemoryTempDir.class) Path dir) throws Exception {
        Transfers transfers = new Transfers();
        try (Store store = Store.open(dir, SETTINGS)) {
            for (int i = 0; i < 20; i++) {
                assertTrue(transfers.transfer(store));
            }
        }
        // Rebuild the earlier layout from the data: one MapDB file with its own transactions and a checkpoint number.
        Path legacy = dir.resolve("state.db");
        try (Store store = Store.open(dir, SETTINGS);
             org.mapdb.DB old = org.mapdb.DBMaker.fileDB(legacy.toFile()).transactionEnable().make()) {
            var map = old.hashMap("t_" + Subscribers.TABLE.name(), org.mapdb.Serializer.STRING,
                    org.mapdb.Serializer.BYTE_ARRAY).createOrOpen();
            store.forEach(Subscribers.TABLE, (k, v) -> map.put(k, Subscribers.TABLE.codec().encode(v)));
            old.atomicLong("journal_checkpoint").createOrOpen().set(0);
            old.commit();
        }
        for (String f : new String[] {"state-0.db", "state-1.db", "checkpoint.0", "checkpoint.1"}) {
            Files.deleteIfExists(dir.resolve(f));
        }
        deleteJournal(dir);
        try (Store store = Store.open(dir, SETTINGS)) {
            transfers.check(store, "migrated");
            assertTrue(transfers.transfer(store));
        }
        assertFalse(Files.exists(legacy), "the earlier state file was kept");
        try (Store store = Store.open(dir, SETTINGS)) {
            transfers.check(store, "reopened after the migration");
        }
    }

    @Test
    void aCorruptedOlderStateFileIsRebuilt(@TempDir(factory = MemoryTempDir.class) Path dir) throws Exception {
        Transfers transfers = new Transfers();
        try (Store store = Store.open(dir, SETTINGS)) {
            for (int i = 0; i < 30; i++) {
                assertTrue(transfers.transfer(store));
                assertTrue(store.checkpoint().join());
            }
        }
        // Whichever file is older now is scribbled over; the newer one and the journal still hold everything.
        for (String f : new String[] {"state-0.db", "state-1.db"}) {
            Path copy = dir.resolve(f + ".keep");
            Files.copy(dir.resolve(f), copy);
        }
        Path older = null;
        for (String f : new String[] {"state-0.db", "state-1.db"}) {
            Files.write(dir.resolve(f), new byte[4096]);
            try (Store store = Store.open(dir, SETTINGS)) {
                transfers.check(store, f + " scribbled");
                older = dir.resolve(f);
                assertTrue(transfers.transfer(store));
                assertTrue(store.checkpoint().join(), "no checkpoint after " + f + " was rebuilt");
                assertTrue(store.checkpoint().join());
            } catch (IOException e) {
                assertTrue(e.getMessage().contains("complete state file"), e.getMessage());
                Files.copy(dir.resolve(f + ".keep"), dir.resolve(f), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            Files.deleteIfExists(dir.resolve(f + ".keep"));
        }
        assertTrue(older != null, "neither state file was taken as the older one");
        try (Store store = Store.open(dir, SETTINGS)) {
            transfers.check(store, "reopened after the rebuild");
        }
    }

    private static void deleteJournal(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("journal"))) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
    }

    private static long journalSegments(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("journal"))) {
            return files.filter(p -> p.toString().endsWith(".journal")).count();
        }
    }

    private static Set<String> expectedFiles() {
        return new TreeSet<>(List.of("checkpoint.0", "checkpoint.1", "journal", "state-0.db", "state-1.db"));
    }

    /** The names in the store directory, and in the journal anything that is not a segment. */
    private static Set<String> files(Path dir) throws IOException {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.forEach(p -> names.add(p.getFileName().toString()));
        }
        List<String> strays = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir.resolve("journal"))) {
            files.map(p -> p.getFileName().toString()).filter(n -> !n.matches("\\d{20}\\.journal")).forEach(strays::add);
        }
        names.addAll(strays.stream().map(n -> "journal/" + n).toList());
        return names;
    }
}
