package org.starhash.gateway.smpp;

import org.starhash.gateway.MicroBenchmark;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Reply text encoding as the gateway does it today: ASCII when it can, UCS-2 otherwise, and decoding an MO.
 * GSM 7-bit packing comes with the SMS text handling of a later issue, and its benchmark with it.
 */
@State(Scope.Thread)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class TextBench extends MicroBenchmark {

    private final String slovenian = "Vaša informativna dodatna poraba v mesecu 11/2026 je 7,35 EUR.";
    private final String ascii = "Stanje na vasem racunu je 12,50 EUR.";
    private final byte[] ucs2 = slovenian.getBytes(StandardCharsets.UTF_16BE);

    @Benchmark
    public SmppText.Encoded encodeUcs2() {
        return SmppText.encode(slovenian);
    }

    @Benchmark
    public SmppText.Encoded encodeAscii() {
        return SmppText.encode(ascii);
    }

    @Benchmark
    public String decodeUcs2() {
        return SmppText.decode(ucs2, (byte) 8);
    }
}
