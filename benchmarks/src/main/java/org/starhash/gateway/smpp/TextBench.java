package org.starhash.gateway.smpp;

import org.starhash.gateway.MicroBenchmark;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.starhash.gateway.sms.Gsm7;
import org.starhash.gateway.sms.Segments;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Text as the gateway writes and reads it: one message in GSM 7-bit or UCS-2, a long SMS reply cut into
 * concatenated segments, and decoding an MO.
 */
@State(Scope.Thread)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class TextBench extends MicroBenchmark {

    private final String slovenian = "Vaša informativna dodatna poraba v mesecu 11/2026 je 7,35 EUR.";
    private final String gsm = "Stanje na vasem racunu je 12,50 EUR.";
    private final String longGsm = ("Novak Janez, Cankarjeva 5, Ljubljana: 01 425 11 02 [1188] ").repeat(6);
    private final String longSlovenian = "Obvestila o neurju prejemate za: Žalec, Škofja Loka, Črnomelj. ".repeat(4);
    private final byte[] ucs2 = slovenian.getBytes(StandardCharsets.UTF_16BE);
    private final byte[] septets = Gsm7.encode(gsm);

    @Benchmark
    public SmppText.Encoded encodeUcs2() {
        return SmppText.encode(slovenian);
    }

    @Benchmark
    public SmppText.Encoded encodeGsm7() {
        return SmppText.encode(gsm);
    }

    @Benchmark
    public Segments segmentGsm7Long() {
        return Segments.of(longGsm, 7);
    }

    @Benchmark
    public Segments segmentUcs2Long() {
        return Segments.of(longSlovenian, 7);
    }

    @Benchmark
    public String decodeUcs2() {
        return SmppText.decode(ucs2, 0, ucs2.length, (byte) 8);
    }

    @Benchmark
    public String decodeGsm7() {
        return SmppText.decode(septets, 0, septets.length, (byte) 0);
    }
}
