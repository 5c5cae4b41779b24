package org.starhash.gateway.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Measures the store's group commit: keeps a window of top-up transactions in flight against 10,000
 * subscribers for some seconds and prints changes per second and per fsync. Not a test; run it by hand:
 * {@code java -cp <test classpath> org.starhash.gateway.store.StoreThroughputProbe [seconds] [window]}.
 */
public final class StoreThroughputProbe {

    private StoreThroughputProbe() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int window = args.length > 1 ? Integer.parseInt(args[1]) : 4096;
        Path dir = Files.createTempDirectory("starhash-probe");
        YearMonth month = YearMonth.of(2026, 11);
        try (Store store = Store.open(dir, StoreSettings.DEFAULTS)) {
            store.submit(tx -> {
                for (int i = 0; i < 10_000; i++) {
                    tx.put(Subscriber.prepaid(String.format("3867%07d", i), 0, month));
                }
                return null;
            }).get();
            StoreStats before = store.stats();
            Semaphore inFlight = new Semaphore(window);
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            long start = System.nanoTime();
            while (System.nanoTime() < end) {
                inFlight.acquire();
                String msisdn = String.format("3867%07d", ThreadLocalRandom.current().nextInt(10_000));
                store.submit(tx -> {
                    Subscriber s = tx.subscriber(msisdn).orElseThrow();
                    tx.put(s.withBalanceCents(s.balanceCents() + 1));
                    return null;
                }).whenComplete((ok, error) -> inFlight.release());
            }
            inFlight.acquire(window);
            double elapsed = (System.nanoTime() - start) / 1e9;
            StoreStats after = store.stats();
            long changes = after.changes() - before.changes();
            long fsyncs = after.fsyncs() - before.fsyncs();
            System.out.printf("window %d: %d changes in %.1f s = %.0f changes/s, %d fsyncs = %.0f fsyncs/s, %.1f changes/fsync%n",
                    window, changes, elapsed, changes / elapsed, fsyncs, fsyncs / elapsed, (double) changes / fsyncs);
        }
    }
}
