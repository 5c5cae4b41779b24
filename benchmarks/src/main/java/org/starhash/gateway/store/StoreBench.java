package org.starhash.gateway.store;

import org.starhash.gateway.MicroBenchmark;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The store's apply-and-commit of one batch of {@code batch} transactions, each reading a subscriber and
 * writing it back changed (a top-up's shape), fsync and checkpoints included; the score is the time of the
 * whole batch, from the first submit to the last durable answer.
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class StoreBench extends MicroBenchmark {

    private static final YearMonth NOV = YearMonth.of(2026, 11);
    private static final int SUBSCRIBERS = 10_000;

    @Param({"1", "64", "1024"})
    public int batch;

    private Path directory;
    private Store store;
    private final AtomicLong ids = new AtomicLong();

    @Setup(Level.Trial)
    public void open() throws Exception {
        directory = Files.createTempDirectory("starhash-jmh-store-");
        store = Store.open(directory, new StoreSettings(4096, 65_536, Duration.ofSeconds(10), 64L << 20, 250_000));
        store.submit(tx -> {
            for (int i = 0; i < SUBSCRIBERS; i++) {
                tx.put(Subscriber.prepaid(Long.toString(38670000000L + i), 1000, NOV));
            }
            return null;
        }).get();
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        store.close();
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Benchmark
    public Object commitBatch() {
        CompletableFuture<?>[] all = new CompletableFuture<?>[batch];
        for (int i = 0; i < batch; i++) {
            long id = ids.incrementAndGet();
            String msisdn = Long.toString(38670000000L + id % SUBSCRIBERS);
            all[i] = store.submit(tx -> {
                Subscriber caller = tx.subscriber(msisdn).orElseThrow();
                tx.put(caller.withBalanceCents(caller.balanceCents() + 1));
                return caller.balanceCents();
            });
        }
        return CompletableFuture.allOf(all).join();
    }
}
