package org.starhash.gateway.cli;

import org.starhash.gateway.bench.AdminLoad;
import org.starhash.gateway.bench.ChildServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * Measures the admin API the network and billing call at volume: usage events per second in batches over
 * keep-alive HTTP, or authorization queries per second; against a gateway it starts (100,000 generated
 * subscribers, a durable store) or one already running.
 */
@Command(name = "bench-admin", mixinStandardHelpOptions = true,
        description = "Load the admin API: usage event batches (POST /admin/usage) or authorization queries (POST /admin/authorize).")
public final class AdminBenchCommand implements Callable<Integer> {

    private static final long FIRST_MSISDN = 38670000000L + 5_000_000L;

    @Option(names = "--mode", description = "usage or authorize (default: ${DEFAULT-VALUE})")
    String mode = "usage";

    @Option(names = "--connections", description = "keep-alive connections, each with one request outstanding (default: ${DEFAULT-VALUE})")
    int connections = 8;

    @Option(names = "--batch", description = "usage events per request (default: ${DEFAULT-VALUE})")
    int batch = 1000;

    @Option(names = "--subscribers", description = "generated subscribers the events go to (default: ${DEFAULT-VALUE})")
    int subscribers = 100_000;

    @Option(names = "--warmup", paramLabel = "SECONDS", description = "load before measuring (default: ${DEFAULT-VALUE})")
    int warmup = 15;

    @Option(names = "--duration", paramLabel = "SECONDS", description = "measured time (default: ${DEFAULT-VALUE})")
    int duration = 15;

    /**
     * 2 GiB: a feed of 50,000 events a second keeps about 1.5 million changed rows in the writer's overlay between
     * checkpoints, besides the read cache; in 1 GiB the collector takes a third of the machine.
     */
    @Option(names = "--server-jvm", paramLabel = "OPTIONS", description = "JVM options of the gateway it starts (default: ${DEFAULT-VALUE})")
    String serverJvm = "-Xms2g -Xmx2g";

    @Override
    public Integer call() throws Exception {
        AdminLoad.Mode kind = AdminLoad.Mode.valueOf(mode.toUpperCase(Locale.ROOT));
        Path data = Files.createTempDirectory("starhash-bench-admin");
        String token = "bench-admin-token-" + Long.toString(System.nanoTime(), 36);
        try (ChildServer server = ChildServer.start(Arrays.asList(serverJvm.trim().split("\\s+")), List.of("--kind",
                "starhash", "--data", data.toString(), "--first-msisdn", Long.toString(FIRST_MSISDN), "--subscribers",
                Integer.toString(subscribers), "--http", "--admin-token", token))) {
            AdminLoad.Result r = AdminLoad.run("127.0.0.1", server.httpPort(), token, kind, connections, batch,
                    FIRST_MSISDN, subscribers, warmup, duration, System.out);
            System.out.printf(Locale.ROOT, "%n%s, %d connections%s: %,.0f %s/s, %,d requests, %d errors;"
                            + " latency per request p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                    kind == AdminLoad.Mode.USAGE ? "usage events" : "authorization queries", connections,
                    kind == AdminLoad.Mode.USAGE ? " x batches of " + batch : "", r.itemsPerSecond(),
                    kind == AdminLoad.Mode.USAGE ? "events" : "queries", r.requests(), r.errors(),
                    r.latency().getValueAtPercentile(50) / 1000.0, r.latency().getValueAtPercentile(99) / 1000.0,
                    r.latency().getMaxValue() / 1000.0);
            return r.errors() == 0 ? 0 : 1;
        }
    }
}
