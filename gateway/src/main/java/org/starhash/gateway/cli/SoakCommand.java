package org.starhash.gateway.cli;

import org.starhash.gateway.bench.BenchResult;
import org.starhash.gateway.bench.Soak;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;

/** The soak run behind {@code scripts/soak}: long mixed load with misbehaving peers, sampled into a CSV. */
@Command(name = "soak", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run mixed load (keyword SMS, USSD balance, top-ups, menus) on a gateway in a JVM of its own, beside",
                "misbehaving peers (a transceiver and a receiver that never read, slow-loris HTTP, garbage SMPP, bad",
                "forms), and write the gateway's heap after GC, RSS, descriptors, threads and throughput every minute."})
final class SoakCommand implements Callable<Integer> {

    @Option(names = "--minutes", description = "how long (default: ${DEFAULT-VALUE})")
    int minutes = 60;

    @Option(names = "--rate", paramLabel = "TX/S", description = "good load, open loop (default: ${DEFAULT-VALUE})")
    double rate = 1500;

    @Option(names = "--mix", description = "good traffic, as for bench (default: ${DEFAULT-VALUE})")
    String mix = "poraba=2,balance=2,topup=1,menu=1";

    @Option(names = "--server-jvm", paramLabel = "OPTIONS", description = "JVM options of the gateway (default: ${DEFAULT-VALUE})")
    String serverJvm = "-Xms512m -Xmx512m";

    @Option(names = "--csv", paramLabel = "FILE", description = "where the samples go (default: ${DEFAULT-VALUE})")
    Path csv = Path.of("soak.csv");

    @Option(names = "--config", paramLabel = "FILE", description = "gateway config (default: as for serve)")
    Path config;

    @Override
    public Integer call() throws Exception {
        BenchResult result = Soak.run(ConfigOption.load(config), minutes, rate, mix,
                Arrays.asList(serverJvm.trim().split("\\s+")), csv, System.out::println);
        System.out.printf("good load: %,d transactions, %,.0f tx/s, p99 %.2f ms, errors %s, lost %d; samples in %s%n",
                result.transactions(), result.throughput(), result.p99(), result.errors(), result.unanswered(), csv);
        return 0;
    }
}
