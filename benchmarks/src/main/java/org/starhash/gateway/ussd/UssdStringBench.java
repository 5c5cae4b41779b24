package org.starhash.gateway.ussd;

import org.starhash.gateway.MicroBenchmark;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Parsing what a handset dialled: a bare code, and a code with chained input. */
@State(Scope.Thread)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class UssdStringBench extends MicroBenchmark {

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
