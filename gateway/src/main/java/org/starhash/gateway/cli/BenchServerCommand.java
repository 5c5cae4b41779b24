package org.starhash.gateway.cli;

import org.starhash.gateway.bench.BenchServer;
import org.starhash.gateway.bench.BenchSubscribers;
import org.starhash.gateway.bench.Baselines;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** One server under test for {@code bench}, run in a JVM of its own until its standard input closes. */
@Command(name = "bench-server", hidden = true, description = "Serve one benchmark target (used by bench).")
final class BenchServerCommand implements Callable<Integer> {

    @Option(names = "--kind", required = true, description = "bare, jsmpp or starhash")
    Baselines.Kind kind;

    @Option(names = "--config", paramLabel = "FILE")
    Path config;

    @Option(names = "--data", paramLabel = "DIR", required = true)
    Path data;

    @Option(names = "--first-msisdn")
    long firstMsisdn = BenchSubscribers.FIRST_MSISDN;

    @Option(names = "--subscribers")
    int subscribers = 100_000;

    @Option(names = "--queue-capacity")
    int queueCapacity = 1024;

    @Option(names = "--http", description = "also listen for USSD over HTTP (the gateway only)")
    boolean http;

    @Option(names = "--admin-token", description = "turn the admin API on with this token (the gateway only)")
    String adminToken = "";

    @Override
    public Integer call() throws Exception {
        try (BenchServer server = Baselines.start(kind,
                adminToken.isEmpty() ? ConfigOption.load(config) : ConfigOption.load(config).withAdminToken(adminToken),
                data, firstMsisdn, subscribers,
                queueCapacity, http)) {
            System.out.println("listening " + server.port() + " " + server.httpPort());
            System.out.flush();
            while (System.in.read() >= 0) {
                // runs until the benchmark closes our standard input
            }
        }
        return 0;
    }
}
