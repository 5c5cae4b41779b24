package org.starhash.gateway.cli;

import org.starhash.gateway.bench.Baselines;
import org.starhash.gateway.bench.BenchReport;
import org.starhash.gateway.bench.BenchResult;
import org.starhash.gateway.bench.BenchServer;
import org.starhash.gateway.bench.BenchSubscribers;
import org.starhash.gateway.bench.ChildServer;
import org.starhash.gateway.bench.LoadGenerator;
import org.starhash.gateway.bench.LoadSpec;
import org.starhash.gateway.bench.Mix;
import org.starhash.gateway.config.GatewayConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * The load benchmark: the same SMPP load against a bare responder, jsmpp's server session and the gateway,
 * each in a JVM of its own, then one table with throughput, latency percentiles and ratios.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measure throughput and latency over SMPP: the gateway beside a bare Netty responder (the ceiling)",
                "and jsmpp's own server (the peer). A transaction is one MO (submit_sm), its submit_sm_resp, the reply",
                "deliver_sm and its deliver_sm_resp. The gateway runs its full path: a durable commit before every answer."})
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--servers", split = ",", paramLabel = "LIST",
            description = "what to measure, in order: bare, jsmpp, starhash (default: all three)")
    List<Baselines.Kind> servers = List.of(Baselines.Kind.BARE, Baselines.Kind.JSMPP, Baselines.Kind.STARHASH);

    @Option(names = "--connect", paramLabel = "HOST:PORT",
            description = "measure a gateway that is already running instead (its subscribers must include the range)")
    String connect;

    @Option(names = "--binds", description = "transceiver connections (default: ${DEFAULT-VALUE})")
    int binds = 4;

    @Option(names = "--window", description = "outstanding MOs per connection (default: ${DEFAULT-VALUE})")
    int window = 128;

    @Option(names = "--warmup", paramLabel = "SECONDS",
            description = "load before measuring; the JIT needs about 20 s on 2 cores to settle (default: ${DEFAULT-VALUE})")
    int warmup = 20;

    @Option(names = "--duration", paramLabel = "SECONDS", description = "measured time (default: ${DEFAULT-VALUE})")
    int duration = 15;

    @Option(names = "--count", description = "measure this many transactions instead of a duration")
    long count;

    @Option(names = "--rate", paramLabel = "TX/S",
            description = "open loop: offer this many transactions a second, latency counted from when each was due "
                    + "(default: closed loop, each connection keeps its window full)")
    double rate;

    @Option(names = "--mix", description = "traffic: poraba (charged keyword SMS), balance (USSD *123#), topup (USSD Polni zame), menu (USSD *122#), "
            + "with weights, e.g. poraba=3,balance=1 (default: ${DEFAULT-VALUE})")
    String mix = "poraba";

    @Option(names = "--subscribers", description = "subscribers created for the gateway (default: ${DEFAULT-VALUE})")
    int subscribers = 100_000;

    @Option(names = "--first-msisdn", description = "the first of them (default: ${DEFAULT-VALUE})")
    long firstMsisdn = BenchSubscribers.FIRST_MSISDN;

    @Option(names = "--client-threads", description = "event-loop threads of the generator (default: ${DEFAULT-VALUE})")
    int clientThreads = 1;

    @Option(names = "--server-jvm", paramLabel = "OPTIONS",
            description = "JVM options of the servers under test (default: ${DEFAULT-VALUE})")
    String serverJvm = "-Xms1g -Xmx1g";

    @Option(names = "--in-process", description = "run the servers in this JVM (quicker to start, less fair)")
    boolean inProcess;

    @Option(names = "--config", paramLabel = "FILE", description = "gateway config (default: as for serve)")
    Path config;

    @Option(names = "--json", paramLabel = "FILE", description = "also write the figures as JSON")
    Path json;

    @Override
    public Integer call() throws Exception {
        GatewayConfig gateway = ConfigOption.load(config);
        var account = gateway.smpp().accounts().entrySet().iterator().next();
        LoadSpec spec = new LoadSpec(gateway.smpp().host(), 0, account.getKey(), account.getValue(), binds, window,
                Duration.ofSeconds(warmup), Duration.ofSeconds(duration), count, rate, Mix.parse(mix), firstMsisdn,
                subscribers, clientThreads);
        PrintStream err = System.err;
        List<BenchResult> results = new ArrayList<>();
        if (connect != null) {
            int colon = connect.lastIndexOf(':');
            if (colon < 1) {
                throw new IllegalArgumentException("--connect wants HOST:PORT, not " + connect);
            }
            spec = spec.withTarget(connect.substring(0, colon), Integer.parseInt(connect.substring(colon + 1)));
            results.add(LoadGenerator.run("remote", spec, err::println));
        } else {
            for (Baselines.Kind kind : servers) {
                results.add(measure(kind, gateway, spec, err));
            }
        }
        BenchReport report = BenchReport.of(LocalDate.now(), spec.describe(), results);
        System.out.println();
        System.out.print(report.markdown());
        if (json != null) {
            report.writeJson(json);
            System.out.println("figures written to " + json);
        }
        boolean clean = results.stream().allMatch(r -> r.errors().isEmpty() && r.unanswered() == 0);
        return clean ? 0 : 1;
    }

    private BenchResult measure(Baselines.Kind kind, GatewayConfig gateway, LoadSpec spec, PrintStream err)
            throws Exception {
        Path data = Files.createTempDirectory("starhash-bench-");
        err.printf("%s: starting%s%n", kind.label(), kind == Baselines.Kind.STARHASH
                ? String.format(" with %,d subscribers in %s", subscribers, data) : "");
        int queueCapacity = Math.max(1024, 4 * window);
        try (BenchServer server = inProcess
                ? Baselines.start(kind, gateway, data, firstMsisdn, subscribers, queueCapacity, false)
                : ChildServer.start(Arrays.asList(serverJvm.trim().split("\\s+")), childArguments(kind, data, queueCapacity))) {
            return LoadGenerator.run(kind.label(), spec.withTarget(spec.host(), server.port()), err::println);
        } finally {
            deleteTree(data);
        }
    }

    private List<String> childArguments(Baselines.Kind kind, Path data, int queueCapacity) {
        List<String> args = new ArrayList<>(List.of("--kind", kind.name(), "--data", data.toString(),
                "--first-msisdn", Long.toString(firstMsisdn), "--subscribers", Integer.toString(subscribers),
                "--queue-capacity", Integer.toString(queueCapacity)));
        if (config != null) {
            args.addAll(List.of("--config", config.toString()));
        }
        return args;
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (Exception e) {
            System.err.println("starhash: could not delete " + root + ": " + e.getMessage());
        }
    }
}
