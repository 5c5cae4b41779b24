package org.starhash.gateway.bench;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The figures of a benchmark run, as a Markdown table for people and as JSON for scripts.
 *
 * @param date    when it ran
 * @param machine what it ran on
 * @param load    how the load was shaped
 * @param results one per server, in the order measured
 * @param ratios  starhash's throughput over each baseline's, when they ran
 */
public record BenchReport(LocalDate date, Map<String, String> machine, String load, List<BenchResult> results,
                          Map<String, Double> ratios) {

    public static BenchReport of(LocalDate date, String load, List<BenchResult> results) {
        Map<String, String> machine = new LinkedHashMap<>();
        machine.put("cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
        machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        Map<String, Double> ratios = new LinkedHashMap<>();
        Optional<BenchResult> starhash = find(results, Baselines.Kind.STARHASH.label());
        for (Baselines.Kind baseline : List.of(Baselines.Kind.BARE, Baselines.Kind.JSMPP)) {
            find(results, baseline.label()).ifPresent(b -> starhash.ifPresent(s ->
                    ratios.put("starhash/" + b.server(), b.throughput() > 0 ? s.throughput() / b.throughput() : 0)));
        }
        return new BenchReport(date, machine, load, results, ratios);
    }

    private static Optional<BenchResult> find(List<BenchResult> results, String server) {
        return results.stream().filter(r -> r.server().equals(server)).findFirst();
    }

    /** The table and the ratios, ready to paste into the README. */
    public String markdown() {
        StringBuilder out = new StringBuilder();
        out.append(String.format("%s, %s cores, %s; %s%n%n", date, machine.get("cores"), machine.get("java"), load));
        out.append("| server | tx/s | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms | errors |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (BenchResult r : results) {
            out.append(String.format("| %s | %,.0f | %.2f | %.2f | %.2f | %.2f | %.2f | %,d |%n", r.server(),
                    r.throughput(), r.p50(), r.p90(), r.p99(), r.p999(), r.max(), r.errorCount()));
        }
        if (!ratios.isEmpty()) {
            out.append('\n');
            ratios.forEach((name, ratio) -> out.append(String.format("%s throughput: %.3f (%s)%n", name, ratio,
                    ratio >= 1 ? String.format("%.1fx", ratio) : String.format("1/%.1f", 1 / ratio))));
        }
        for (BenchResult r : results) {
            if (!r.errors().isEmpty() || r.strays() > 0 || r.unanswered() > 0) {
                out.append(String.format("%s: errors %s, unmatched PDUs %,d, unanswered at the end %,d%n", r.server(),
                        r.errors(), r.strays(), r.unanswered()));
            }
        }
        return out.toString();
    }

    public void writeJson(Path file) throws IOException {
        JsonMapper.builder().addModule(new JavaTimeModule()).enable(SerializationFeature.INDENT_OUTPUT)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build()
                .writeValue(file.toFile(), this);
    }
}
