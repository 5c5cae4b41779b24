package org.starhash.gateway.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StoreTest {

    private static final YearMonth NOV = YearMonth.of(2026, 11);
    private static final StoreSettings FAST_CHECKPOINTS = new StoreSettings(64, 1024, Duration.ofMillis(20), 4096, 16);

    @Test
    void aCompletedChangeIsReadableAndSurvivesReopen(@TempDir Path dir) throws Exception {
        try (Store store = Store.open(dir, StoreSettings.DEFAULTS)) {
            store.submit(tx -> {
                tx.put(Subscriber.prepaid("38670000001", 1250, NOV));
                return null;
            }).get(5, TimeUnit.SECONDS);
            assertEquals(1250, store.read(Subscribers.TABLE, "38670000001").orElseThrow().balanceCents());
        }
        try (Store store = Store.open(dir, StoreSettings.DEFAULTS)) {
            assertEquals(1250, store.read(Subscribers.TABLE, "38670000001").orElseThrow().balanceCents());
            assertEquals(1, store.size(Subscribers.TABLE));
        }
    }

    @Test
    void transactionsOfOneBatchSeeEachOthersWrites(@TempDir Path dir) throws Exception {
        try (Store store = Store.open(dir, StoreSettings.DEFAULTS)) {
            store.submit(tx -> {
                tx.put(Subscriber.prepaid("38670000001", 0, NOV));
                return null;
            }).get(5, TimeUnit.SECONDS);
            List<CompletableFuture<Long>> all = new ArrayList<>();
            for (int i = 0; i < 5000; i++) {
                all.add(store.submit(tx -> {
                    Subscriber s = tx.subscriber("38670000001").orElseThrow();
                    tx.put(s.withBalanceCents(s.balanceCents() + 1));
                    return s.balanceCents() + 1;
                }));
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
            assertEquals(5000, store.read(Subscribers.TABLE, "38670000001").orElseThrow().balanceCents());
            assertTrue(store.stats().fsyncs() < 5000, "group commit should share fsyncs: " + store.stats());
        }
    }

    @Test
    void aFailingTransactionWritesNothingAndSparesTheOthers(@TempDir Path dir) throws Exception {
        try (Store store = Store.open(dir, StoreSettings.DEFAULTS)) {
            CompletableFuture<Object> bad = store.submit(tx -> {
                tx.put(Subscriber.prepaid("38670000002", 500, NOV));
                throw new IllegalStateException("refused");
            });
            CompletableFuture<Object> good = store.submit(tx -> {
                tx.put(Subscriber.prepaid("38670000003", 700, NOV));
                return null;
            });
            ExecutionException e = assertThrows(ExecutionException.class, () -> bad.get(5, TimeUnit.SECONDS));
            assertInstanceOf(IllegalStateException.class, e.getCause());
            good.get(5, TimeUnit.SECONDS);
            assertFalse(store.read(Subscribers.TABLE, "38670000002").isPresent());
            assertEquals(700, store.read(Subscribers.TABLE, "38670000003").orElseThrow().balanceCents());
        }
    }

    @Test
    void removalsAreDurable(@TempDir Path dir) throws Exception {
        try (Store store = Store.open(dir, FAST_CHECKPOINTS)) {
            store.submit(tx -> {
                tx.put(Subscriber.prepaid("38670000001", 1, NOV));
                tx.put(Subscriber.prepaid("38670000002", 2, NOV));
                return null;
            }).get(5, TimeUnit.SECONDS);
            store.submit(tx -> {
                tx.remove(Subscribers.TABLE, "38670000001");
                return null;
            }).get(5, TimeUnit.SECONDS);
        }
        try (Store store = Store.open(dir, FAST_CHECKPOINTS)) {
            assertFalse(store.read(Subscribers.TABLE, "38670000001").isPresent());
            assertTrue(store.read(Subscribers.TABLE, "38670000002").isPresent());
        }
    }

    @Test
    void checkpointsDropOldJournalSegments(@TempDir Path dir) throws Exception {
        try (Store store = Store.open(dir, FAST_CHECKPOINTS)) {
            for (int i = 0; i < 300; i++) {
                long cents = i;
                store.submit(tx -> {
                    tx.put(Subscriber.prepaid("386700" + String.format("%05d", cents), cents, NOV));
                    return null;
                }).get(5, TimeUnit.SECONDS);
                Thread.sleep(1);
            }
            assertTrue(store.stats().checkpoints() > 0, store.stats().toString());
        }
        try (var files = java.nio.file.Files.list(dir.resolve("journal"))) {
            long segments = files.count();
            assertTrue(segments <= 2, "old segments should be released, found " + segments);
        }
        try (Store store = Store.open(dir, FAST_CHECKPOINTS)) {
            assertEquals(300, store.size(Subscribers.TABLE));
        }
    }

    @Test
    void submitAfterCloseFailsClearly(@TempDir Path dir) throws Exception {
        Store store = Store.open(dir, StoreSettings.DEFAULTS);
        store.close();
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> store.submit(tx -> null).get(5, TimeUnit.SECONDS));
        assertTrue(e.getCause().getMessage().contains("closed"));
    }

    @Test
    void valuesStayNewestThroughCacheOverlayAndCheckpoints(@TempDir Path dir) throws Exception {
        // A cache of 16 values for 100 keys, checkpoints every 20 ms: reads must never see an older value.
        try (Store store = Store.open(dir, FAST_CHECKPOINTS)) {
            for (int round = 1; round <= 20; round++) {
                List<CompletableFuture<Object>> all = new ArrayList<>();
                for (int i = 0; i < 100; i++) {
                    String msisdn = "3867000" + (1000 + i);
                    long expected = round - 1;
                    all.add(store.submit(tx -> {
                        long now = tx.subscriber(msisdn).map(Subscriber::balanceCents).orElse(0L);
                        if (now != expected) {
                            throw new IllegalStateException(msisdn + " reads " + now + ", wrote " + expected);
                        }
                        tx.put(Subscriber.prepaid(msisdn, now + 1, NOV));
                        return null;
                    }));
                }
                CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
                Thread.sleep(7);
            }
            assertTrue(store.stats().checkpoints() > 2, store.stats().toString());
        }
        try (Store store = Store.open(dir, FAST_CHECKPOINTS)) {
            for (int i = 0; i < 100; i++) {
                assertEquals(20, store.read(Subscribers.TABLE, "3867000" + (1000 + i)).orElseThrow().balanceCents());
            }
        }
    }

    @Test
    void insertedKeysRemovedLaterAreGoneAcrossCheckpointsAndRestarts(@TempDir Path dir) throws Exception {
        try (Store store = Store.open(dir, FAST_CHECKPOINTS)) {
            for (int i = 0; i < 200; i++) {
                String key = "38671" + (100000 + i);
                store.submit(tx -> {
                    tx.insert(Subscribers.TABLE, key, Subscriber.prepaid(key, 5, NOV));
                    if (key.endsWith("0")) {
                        tx.remove(Subscribers.TABLE, key);
                    }
                    return null;
                }).get(5, TimeUnit.SECONDS);
                if (i % 2 == 1) {
                    String earlier = "38671" + (100000 + i - 1);
                    Thread.sleep(1);
                    store.submit(tx -> {
                        tx.remove(Subscribers.TABLE, earlier);
                        return null;
                    }).get(5, TimeUnit.SECONDS);
                }
            }
            assertEquals(100, store.size(Subscribers.TABLE));
            assertFalse(store.read(Subscribers.TABLE, "38671100000").isPresent());
            assertTrue(store.read(Subscribers.TABLE, "38671100001").isPresent());
        }
        try (Store store = Store.open(dir, FAST_CHECKPOINTS)) {
            assertEquals(100, store.size(Subscribers.TABLE));
            List<String> keys = new ArrayList<>();
            store.forEach(Subscribers.TABLE, (k, v) -> keys.add(k));
            assertTrue(keys.stream().allMatch(k -> (k.charAt(k.length() - 1) - '0') % 2 == 1), keys.toString());
        }
    }

    @Test
    void aKeyReadAsAbsentIsSeenOnceWrittenAndGoneOnceRemovedAcrossCheckpoints(@TempDir Path dir) throws Exception {
        // The cache remembers that MapDB lacks a key; a write, a checkpoint or a removal must never leave it stale.
        StoreSettings bigCache = new StoreSettings(64, 1024, Duration.ofHours(1), 4096, 1000);
        try (Store store = Store.open(dir, bigCache)) {
            for (int i = 0; i < 50; i++) {
                String key = "38672" + (100000 + i);
                assertFalse(store.read(Subscribers.TABLE, key).isPresent());
                store.submit(tx -> {
                    tx.insert(Subscribers.TABLE, key, Subscriber.prepaid(key, 7, NOV));
                    return null;
                }).get(5, TimeUnit.SECONDS);
            }
            assertTrue(store.checkpoint().join());
            assertTrue(store.checkpoint().join());
            for (int i = 0; i < 50; i++) {
                String key = "38672" + (100000 + i);
                assertEquals(7, store.read(Subscribers.TABLE, key).orElseThrow().balanceCents(), key);
                if (i % 2 == 0) {
                    store.submit(tx -> {
                        tx.remove(Subscribers.TABLE, key);
                        return null;
                    }).get(5, TimeUnit.SECONDS);
                }
            }
            assertTrue(store.checkpoint().join());
            assertTrue(store.checkpoint().join());
            for (int i = 0; i < 50; i++) {
                String key = "38672" + (100000 + i);
                assertEquals(i % 2 == 1, store.read(Subscribers.TABLE, key).isPresent(), key);
            }
        }
    }

    @Test
    void aReadIsAnsweredOnItsCallersThreadWhileTheWriterForcesTheJournal(@TempDir Path dir) throws Exception {
        FaultyDisk disk = new FaultyDisk();
        try (Store store = Store.open(dir, StoreSettings.DEFAULTS, disk)) {
            store.submit(tx -> {
                tx.put(Subscriber.prepaid("38670000001", 100, NOV));
                return null;
            }).get(5, TimeUnit.SECONDS);
            java.util.concurrent.CountDownLatch entered = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.CountDownLatch gate = new java.util.concurrent.CountDownLatch(1);
            disk.holdForces(path -> path.toString().contains("journal"), entered, gate);
            CompletableFuture<Object> change = store.submit(tx -> {
                tx.put(Subscriber.prepaid("38670000001", 200, NOV));
                return null;
            });
            assertTrue(entered.await(5, TimeUnit.SECONDS), "the writer never forced the journal");
            try {
                String[] ranOn = new String[1];
                CompletableFuture<Long> read = store.readFirst(tx -> {
                    ranOn[0] = Thread.currentThread().getName();
                    return tx.subscriber("38670000001").orElseThrow().balanceCents();
                });
                assertTrue(read.isDone(), "the read waited for the commit's force");
                assertEquals(100, read.get(), "the read saw a change that is not durable yet");
                assertEquals(Thread.currentThread().getName(), ranOn[0]);
                assertFalse(change.isDone());
            } finally {
                gate.countDown();
            }
            change.get(5, TimeUnit.SECONDS);
            assertEquals(200, store.readFirst(tx -> tx.subscriber("38670000001").orElseThrow().balanceCents()).get(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void whatTheJournalReplaysAtStartIsNotHiddenByTheWarmedCacheAfterACheckpoint(@TempDir Path dir) throws Exception {
        FaultyDisk disk = new FaultyDisk();
        try (Store store = Store.open(dir, StoreSettings.DEFAULTS, disk)) {
            store.submit(tx -> {
                tx.put(Subscriber.prepaid("38670000001", 100, NOV));
                return null;
            }).get(5, TimeUnit.SECONDS);
            assertTrue(store.checkpoint().join());
            store.submit(tx -> {
                tx.put(Subscriber.prepaid("38670000001", 200, NOV));
                return null;
            }).get(5, TimeUnit.SECONDS);
            // The last checkpoint at close fails: the next start replays 200 from the journal over a state file of 100.
            disk.failAt(FaultyDisk.Op.WRITE, 1, path -> path.getFileName().toString().startsWith("state-"), true);
        }
        try (Store store = Store.open(dir, StoreSettings.DEFAULTS)) {
            assertEquals(200, store.read(Subscribers.TABLE, "38670000001").orElseThrow().balanceCents());
            assertTrue(store.checkpoint().join());
            assertEquals(200, store.read(Subscribers.TABLE, "38670000001").orElseThrow().balanceCents(),
                    "the cache warmed from the state file served the value from before the journal");
        }
    }

    @Test
    void aKeyRemovedReinsertedDuringAFailedCheckpointAndRemovedAgainStaysRemoved(@TempDir Path dir) throws Exception {
        FaultyDisk disk = new FaultyDisk();
        StoreSettings periodic = new StoreSettings(64, 1024, Duration.ofMillis(300), 4096, 1000);
        String key = "38670000009";
        java.util.function.Predicate<Path> stateFiles = path -> path.getFileName().toString().startsWith("state-");
        try (Store store = Store.open(dir, periodic, disk)) {
            store.submit(tx -> {
                tx.insert(Subscribers.TABLE, key, Subscriber.prepaid(key, 1, NOV));
                return null;
            }).get(5, TimeUnit.SECONDS);
            assertTrue(store.checkpoint().join(), "the key reaches the state file");
            java.util.concurrent.CountDownLatch entered = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.CountDownLatch gate = new java.util.concurrent.CountDownLatch(1);
            disk.holdForces(stateFiles, entered, gate);
            store.submit(tx -> {
                tx.remove(Subscribers.TABLE, key);
                return null;
            }).get(5, TimeUnit.SECONDS);
            assertTrue(entered.await(10, TimeUnit.SECONDS), "no checkpoint began with the removal");
            store.submit(tx -> {
                tx.insert(Subscribers.TABLE, key, Subscriber.prepaid(key, 2, NOV)); // while the removal is being flushed
                return null;
            }).get(5, TimeUnit.SECONDS);
            disk.failAt(FaultyDisk.Op.FORCE, 1, stateFiles, false);
            gate.countDown();
            for (int i = 0; i < 500 && disk.injected() == 0; i++) {
                Thread.sleep(2); // the held checkpoint fails once its force is let go
            }
            assertEquals(1, disk.injected(), "the checkpoint holding the removal did not fail");
            Thread.sleep(50); // its thread finishes failing; the writer's next ticks take the failure back in
            for (int i = 0; i < 3; i++) {
                store.submit(tx -> null).get(5, TimeUnit.SECONDS);
            }
            // The next try waits out a back-off of a second: the removal below comes before it.
            disk.heal();
            store.submit(tx -> {
                tx.remove(Subscribers.TABLE, key);
                return null;
            }).get(5, TimeUnit.SECONDS);
            assertTrue(store.checkpoint().join());
            assertFalse(store.read(Subscribers.TABLE, key).isPresent());
        }
        try (Store store = Store.open(dir, periodic)) {
            assertFalse(store.read(Subscribers.TABLE, key).isPresent(), "the state file's old value came back");
        }
    }
}
