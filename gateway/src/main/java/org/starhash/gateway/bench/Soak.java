package org.starhash.gateway.bench;

import org.starhash.gateway.config.GatewayConfig;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A long run of mixed load on a gateway in a JVM of its own, with misbehaving peers beside the good ones, and the
 * gateway's heap after a full GC, resident memory, descriptors, threads and the good load's throughput sampled
 * every minute into a CSV: what grows over an hour shows there.
 */
public final class Soak {

    /** The CSV's columns, in order. */
    static final String HEADER = "minute,heap_after_gc_mb,rss_mb,fds,threads,good_tx_per_s,good_errors,"
            + "deaf_mos_written,loris_closed,garbage_closed,unbound_closed,bad_http_400,smsc_received";
    private static final Pattern HEAP_USED = Pattern.compile("heap\\s+total \\d+K, used (\\d+)K");

    private Soak() {
    }

    /**
     * Runs for {@code minutes} at {@code rate} transactions a second and writes {@code csv}; returns the good
     * load's figures.
     */
    public static BenchResult run(GatewayConfig config, int minutes, double rate, String mix, List<String> serverJvm,
                                  Path csv, Consumer<String> log) throws Exception {
        Path data = Files.createTempDirectory("starhash-soak");
        try (ChildServer server = ChildServer.start(serverJvm, List.of("--kind", "starhash", "--data", data.toString(),
                "--http"))) {
            var account = config.smpp().accounts().entrySet().iterator().next();
            LoadSpec spec = new LoadSpec(config.smpp().host(), server.port(), account.getKey(), account.getValue(), 2,
                    64, Duration.ofSeconds(10), Duration.ofMinutes(minutes), 0, rate, Mix.parse(mix),
                    BenchSubscribers.FIRST_MSISDN, 90_000, 1);
            Tally tally = new Tally(0);
            AtomicReference<BenchResult> result = new AtomicReference<>();
            AtomicReference<Exception> failure = new AtomicReference<>();
            Thread load = new Thread(() -> {
                try {
                    result.set(LoadGenerator.run("soak", spec, line -> { }, tally));
                } catch (Exception e) {
                    failure.set(e);
                }
            }, "soak-load");
            load.start();
            try (SoakPeers peers = new SoakPeers(config.smpp().host(), server.port(), server.httpPort());
                 PrintWriter out = new PrintWriter(Files.newBufferedWriter(csv, StandardCharsets.UTF_8))) {
                peers.start();
                out.println(HEADER);
                log.accept(HEADER);
                long done = 0;
                long errors = 0;
                long start = System.nanoTime();
                for (int minute = 1; load.isAlive(); minute++) {
                    long next = start + TimeUnit.MINUTES.toNanos(minute);
                    while (load.isAlive() && System.nanoTime() < next) {
                        Thread.sleep(200);
                    }
                    long nowDone = tally.measuredDone();
                    long nowErrors = tally.errors().values().stream().mapToLong(Long::longValue).sum();
                    String row = String.join(",", Integer.toString(minute), Long.toString(heapAfterGcMb(server.pid())),
                            Long.toString(status(server.pid(), "VmRSS") / 1024), Long.toString(descriptors(server.pid())),
                            Long.toString(status(server.pid(), "Threads")), Long.toString((nowDone - done) / 60),
                            Long.toString(nowErrors - errors), Long.toString(peers.deafMosWritten.sum()),
                            Long.toString(peers.lorisClosed.sum()), Long.toString(peers.garbageClosed.sum()),
                            Long.toString(peers.unboundClosed.sum()),
                            Long.toString(peers.badHttpRefused.sum()), Long.toString(peers.smscReceived.sum()));
                    done = nowDone;
                    errors = nowErrors;
                    out.println(row);
                    out.flush();
                    log.accept(row);
                }
            }
            load.join();
            if (failure.get() != null) {
                throw failure.get();
            }
            return result.get();
        } finally {
            try (Stream<Path> files = Files.walk(data)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Runs a full GC in the server and reads what the heap holds after it, in MB; -1 when jcmd cannot. */
    static long heapAfterGcMb(long pid) throws IOException, InterruptedException {
        jcmd(pid, "GC.run");
        Matcher m = HEAP_USED.matcher(jcmd(pid, "GC.heap_info"));
        return m.find() ? Long.parseLong(m.group(1)) / 1024 : -1;
    }

    private static String jcmd(long pid, String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("jcmd", Long.toString(pid), command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);
        return out;
    }

    /** A figure of /proc/PID/status: VmRSS in kB, Threads as a count. */
    static long status(long pid, String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.substring(field.length() + 1).trim().split("\\s+")[0]);
            }
        }
        return -1;
    }

    static long descriptors(long pid) throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            return fds.count();
        }
    }
}
