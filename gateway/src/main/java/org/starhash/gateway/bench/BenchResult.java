package org.starhash.gateway.bench;

import org.HdrHistogram.Histogram;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The figures of one measured run; latencies in milliseconds.
 *
 * @param server       which server was measured
 * @param load         how the load was shaped
 * @param seconds      measured time
 * @param transactions transactions completed in it (errors included)
 * @param throughput   transactions per second
 * @param p50          median latency
 * @param p90          90th percentile
 * @param p99          99th percentile
 * @param p999         99.9th percentile
 * @param max          the slowest
 * @param errors       error count by status name
 * @param strays       PDUs that matched no outstanding request
 * @param unanswered   transactions still outstanding when the run gave up waiting
 */
public record BenchResult(String server, String load, double seconds, long transactions, double throughput,
                          double p50, double p90, double p99, double p999, double max, Map<String, Long> errors,
                          long strays, long unanswered) {

    static BenchResult of(String server, String load, double seconds, long transactions, Histogram micros,
                          Map<Integer, Long> errorsByStatus, long strays, long unanswered) {
        Map<String, Long> errors = new LinkedHashMap<>();
        errorsByStatus.forEach((status, n) -> errors.put(Statuses.name(status), n));
        return new BenchResult(server, load, seconds, transactions, seconds > 0 ? transactions / seconds : 0,
                ms(micros, 50), ms(micros, 90), ms(micros, 99), ms(micros, 99.9), micros.getMaxValue() / 1000.0,
                errors, strays, unanswered);
    }

    private static double ms(Histogram micros, double percentile) {
        return micros.getValueAtPercentile(percentile) / 1000.0;
    }

    long errorCount() {
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }
}
