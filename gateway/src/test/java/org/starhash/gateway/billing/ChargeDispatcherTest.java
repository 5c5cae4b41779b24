package org.starhash.gateway.billing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.starhash.billing.BillingHook;
import org.starhash.billing.BillingHooks;
import org.starhash.billing.ChargeEvent;
import org.starhash.billing.HookContext;
import org.starhash.gateway.store.FaultyDisk;
import org.starhash.gateway.store.Store;
import org.starhash.gateway.store.StoreSettings;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChargeDispatcherTest {

    /** A hook that fails its first calls, then keeps what it is given. */
    private static class FlakyHook implements BillingHook {
        final List<String> accepted = new CopyOnWriteArrayList<>();
        final AtomicInteger failuresLeft;

        FlakyHook(int failures) {
            failuresLeft = new AtomicInteger(failures);
        }

        @Override
        public String name() {
            return "flaky";
        }

        @Override
        public void open(HookContext context) {
        }

        @Override
        public void accept(List<ChargeEvent> events) throws IOException {
            if (failuresLeft.getAndDecrement() > 0) {
                throw new IOException("billing system down");
            }
            events.forEach(e -> accepted.add(e.id()));
        }

        @Override
        public void close() {
        }
    }

    private static ChargeEvent charge(String id) {
        return new ChargeEvent(id, Instant.parse("2026-11-23T10:00:00Z"), "38641000001", "sms:7070:PORABA", 1, 9, false);
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 200 && !condition.getAsBoolean(); i++) {
            Thread.sleep(25);
        }
    }

    @Test
    void aFailingHookIsRetriedAndTheEventLeavesThePendingTableOnlyOnceAccepted(@TempDir Path dir) throws Exception {
        FlakyHook hook = new FlakyHook(2);
        try (Store store = Store.open(dir, StoreSettings.DEFAULTS)) {
            store.submit(tx -> {
                tx.put(PendingCharges.TABLE, "c-1", charge("c-1"));
                return null;
            }).get();
            ChargeDispatcher dispatcher = new ChargeDispatcher(store,
                    BillingHooks.of(new HookContext(dir, ZoneOffset.UTC), List.of(hook)));
            dispatcher.offer(List.of(charge("c-1")));
            waitFor(() -> store.size(PendingCharges.TABLE) == 0);
            dispatcher.close();
            assertTrue(hook.accepted.contains("c-1"), "accepted after the retries: " + hook.accepted);
            assertEquals(0, store.size(PendingCharges.TABLE));
        }
    }

    @Test
    void eventsLeftPendingAtAStopAreDeliveredAtTheNextStart(@TempDir Path dir) throws Exception {
        try (Store store = Store.open(dir, StoreSettings.DEFAULTS)) {
            store.submit(tx -> {
                tx.put(PendingCharges.TABLE, "left-1", charge("left-1"));
                tx.put(PendingCharges.TABLE, "left-2", charge("left-2"));
                return null;
            }).get();
        }
        FlakyHook hook = new FlakyHook(0);
        try (Store store = Store.open(dir, StoreSettings.DEFAULTS)) {
            ChargeDispatcher dispatcher = new ChargeDispatcher(store,
                    BillingHooks.of(new HookContext(dir, ZoneOffset.UTC), List.of(hook)));
            waitFor(() -> store.size(PendingCharges.TABLE) == 0);
            dispatcher.close();
            assertEquals(List.of("left-1", "left-2"), hook.accepted.stream().sorted().toList());
            assertEquals(0, store.size(PendingCharges.TABLE));
        }
    }

    @Test
    void pastItsCapacityEventsWaitInTheStoreAndEachGoesToTheHooksOnce(@TempDir Path dir) throws Exception {
        FlakyHook hook = new FlakyHook(3);
        try (Store store = Store.open(dir, StoreSettings.DEFAULTS)) {
            ChargeDispatcher dispatcher = new ChargeDispatcher(store,
                    BillingHooks.of(new HookContext(dir, ZoneOffset.UTC), List.of(hook)), 10);
            for (int i = 0; i < 250; i++) {
                String id = "c-" + i;
                store.submit(tx -> {
                    tx.put(PendingCharges.TABLE, id, charge(id));
                    return null;
                }, (done, error) -> {
                    if (error == null) {
                        dispatcher.offer(List.of(charge(id)));
                    }
                }).get(); // as a commit hands its charges on
            }
            waitFor(() -> store.size(PendingCharges.TABLE) == 0 && hook.accepted.size() >= 250);
            dispatcher.close();
            assertEquals(0, store.size(PendingCharges.TABLE));
            assertEquals(250, hook.accepted.size(), "each event once, none twice");
            assertEquals(250, Set.copyOf(hook.accepted).size());
        }
    }

    @Test
    void aRemovalTheStoreRefusedIsTriedAgainSoTheNextStartBillsNothingTwice(@TempDir Path dir) throws Exception {
        FaultyDisk disk = new FaultyDisk();
        FlakyHook hook = new FlakyHook(0) {
            @Override
            public void accept(List<ChargeEvent> events) throws IOException {
                super.accept(events);
                disk.failAt(FaultyDisk.Op.FORCE, 1, p -> true, true); // the removal that follows cannot be made durable
            }
        };
        try (Store store = Store.open(dir, StoreSettings.DEFAULTS, disk)) {
            store.submit(tx -> {
                tx.put(PendingCharges.TABLE, "once", charge("once"));
                return null;
            }).get();
            ChargeDispatcher dispatcher = new ChargeDispatcher(store,
                    BillingHooks.of(new HookContext(dir, ZoneOffset.UTC), List.of(hook)));
            dispatcher.offer(List.of(charge("once")));
            waitFor(() -> disk.injected() > 0);
            Thread.sleep(300);
            assertEquals(1, store.size(PendingCharges.TABLE), "the refused removal left the event pending");
            disk.heal();
            waitFor(() -> store.size(PendingCharges.TABLE) == 0);
            dispatcher.close();
            assertEquals(0, store.size(PendingCharges.TABLE), "removed on a retry, with no new batch to carry it");
        }
        FlakyHook next = new FlakyHook(0);
        try (Store store = Store.open(dir, StoreSettings.DEFAULTS)) {
            ChargeDispatcher dispatcher = new ChargeDispatcher(store,
                    BillingHooks.of(new HookContext(dir, ZoneOffset.UTC), List.of(next)));
            Thread.sleep(300);
            dispatcher.close();
        }
        assertEquals(List.of("once"), hook.accepted);
        assertEquals(List.of(), next.accepted, "the next start delivers nothing again");
    }
}
