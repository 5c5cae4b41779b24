package org.starhash.gateway.ussd;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Parsing what a handset dialled: a bare code, and a code with chained input. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class UssdStringBench {

    private final String balance = "*123#";
    private final String topUp = "*123*5*070123456#";

    @Benchmark
    public Optional<UssdString> parseBareCode() {
        return UssdString.parse(balance);
    }

    @Benchmark
    public Optional<UssdString> parseChainedInput() {
        return UssdString.parse(topUp);
    }
}
