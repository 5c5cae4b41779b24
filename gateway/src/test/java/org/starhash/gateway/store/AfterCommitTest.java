package org.starhash.gateway.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What runs after a commit (Store.submit with a step): on the completion thread, never the writer, in commit
 * order, before the caller hears of the commit; a step that fails changes nothing of what was committed; a step
 * that waits for the store is refused instead of hanging it.
 */
class AfterCommitTest {

    private static final YearMonth NOV = YearMonth.of(2026, 11);

    @Test
    void stepsRunOnTheCompletionThreadInCommitOrderBeforeTheirFutures(@TempDir Path dir) throws Exception {
        try (Store store = Store.open(dir, StoreSettings.DEFAULTS)) {
            List<String> decidedOn = new CopyOnWriteArrayList<>();
            List<String> steps = new CopyOnWriteArrayList<>();
            List<CompletableFuture<Integer>> all = new ArrayList<>();
            for (int i = 0; i < 2000; i++) {
                int n = i;
                all.add(store.submit(tx -> {
                    decidedOn.add(Thread.currentThread().getName());
                    tx.put(Subscriber.prepaid("3867" + (10000000 + n), n, NOV));
                    return n;
                }, (committed, error) -> steps.add(Thread.currentThread().getName() + " " + committed)));
            }
            for (int i = 0; i < all.size(); i++) {
                assertEquals(i, all.get(i).get(10, TimeUnit.SECONDS));
                assertTrue(steps.size() > i, "step " + i + " ran before its future completed");
            }
            assertEquals(List.of("store-writer"), decidedOn.stream().distinct().toList());
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                expected.add("store-completions " + i);
            }
            assertEquals(expected, steps, "every step on the completion thread, in commit order");
        }
    }

    @Test
    void aFailingStepLeavesTheCommitAsItIs(@TempDir Path dir) throws Exception {
        try (Store store = Store.open(dir, StoreSettings.DEFAULTS)) {
            CompletableFuture<String> done = store.submit(tx -> {
                tx.put(Subscriber.prepaid("38670000001", 1250, NOV));
                return "stored";
            }, (committed, error) -> {
                throw new IllegalStateException("a bug in the step");
            });
            assertEquals("stored", done.get(5, TimeUnit.SECONDS), "the caller hears that it committed");
            assertEquals(1250, store.read(Subscribers.TABLE, "38670000001").orElseThrow().balanceCents());
        }
    }

    @Test
    void aStepThatWaitsForTheStoreIsRefusedAndTheStoreGoesOn(@TempDir Path dir) throws Exception {
        try (Store store = Store.open(dir, StoreSettings.DEFAULTS)) {
            CountDownLatch stepped = new CountDownLatch(1);
            List<Throwable> refused = new CopyOnWriteArrayList<>();
            store.submit(tx -> null, (committed, error) -> {
                try {
                    store.size(Subscribers.TABLE);
                } catch (IllegalStateException e) {
                    refused.add(e);
                }
                stepped.countDown();
            }).get(5, TimeUnit.SECONDS);
            assertTrue(stepped.await(5, TimeUnit.SECONDS));
            assertEquals(1, refused.size(), "the wait was refused, not hung");
            store.submit(tx -> {
                tx.put(Subscriber.prepaid("38670000001", 1, NOV));
                return null;
            }).get(5, TimeUnit.SECONDS);
            assertEquals(1, store.size(Subscribers.TABLE), "the store still commits");
        }
    }

    @Test
    void aFailedTransactionRunsItsStepWithTheError(@TempDir Path dir) throws Exception {
        try (Store store = Store.open(dir, StoreSettings.DEFAULTS)) {
            List<Throwable> seen = new CopyOnWriteArrayList<>();
            CompletableFuture<Object> failed = store.submit(tx -> {
                throw new IllegalArgumentException("refused by its decision");
            }, (committed, error) -> seen.add(error));
            ExecutionException e = assertThrows(ExecutionException.class, () -> failed.get(5, TimeUnit.SECONDS));
            assertInstanceOf(IllegalArgumentException.class, e.getCause());
            assertEquals(1, seen.size());
            assertInstanceOf(IllegalArgumentException.class, seen.get(0));
        }
    }

    @Test
    void aReadGoesBeforeTheChangesThatWaitAndSeesWhatIsDurable(@TempDir Path dir) throws Exception {
        try (Store store = Store.open(dir, StoreSettings.DEFAULTS)) {
            store.submit(tx -> {
                tx.put(Subscriber.prepaid("38670000001", 100, NOV));
                return null;
            }).get(5, TimeUnit.SECONDS);
            CountDownLatch held = new CountDownLatch(1);
            store.submit(tx -> {
                try {
                    return held.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            List<CompletableFuture<Object>> waiting = new ArrayList<>();
            for (int i = 0; i < 20_000; i++) {
                waiting.add(store.submit(tx -> {
                    Subscriber s = tx.subscriber("38670000001").orElseThrow();
                    tx.put(s.withBalanceCents(s.balanceCents() + 1));
                    return null;
                }));
            }
            CompletableFuture<Long> read = store.readFirst(tx -> tx.subscriber("38670000001").orElseThrow().balanceCents());
            held.countDown();
            long balance = read.get(10, TimeUnit.SECONDS);
            long done = waiting.stream().filter(CompletableFuture::isDone).count();
            assertTrue(balance < 100 + 20_000, "the read went before the changes behind the held batch: " + balance);
            assertTrue(done < 20_000, "changes were still waiting when the read was answered: " + done);
            CompletableFuture.allOf(waiting.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
            ExecutionException wrote = assertThrows(ExecutionException.class, () -> store.readFirst(tx -> {
                tx.put(Subscriber.prepaid("38670000002", 1, NOV));
                return null;
            }).get(5, TimeUnit.SECONDS));
            assertInstanceOf(IllegalStateException.class, wrote.getCause(), "a read that writes fails");
            assertEquals(20_100, store.read(Subscribers.TABLE, "38670000001").orElseThrow().balanceCents());
        }
    }
}
