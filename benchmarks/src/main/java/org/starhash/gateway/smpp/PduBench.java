package org.starhash.gateway.smpp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.OptionalParameter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.starhash.gateway.MicroBenchmark;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The gateway's PDU codec per PDU: decoding an MO submit_sm, composing its response and the reply deliver_sm. */
@State(Scope.Thread)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PduBench extends MicroBenchmark {

    private static final String REPLY = "Vaša informativna dodatna poraba v mesecu 11/2026 je 7,35 EUR.";

    private final PduDecoder decoder = new PduDecoder();
    private final List<Object> out = new ArrayList<>(1);
    private byte[] submitSm;
    private Pdus.Address shortNumber;
    private Pdus.Address handset;

    @Setup
    public void setUp() {
        shortNumber = new Pdus.Address((byte) 0, (byte) 1, "7070");
        handset = new Pdus.Address((byte) 1, (byte) 1, "38641000001");
        submitSm = Pdus.submitSm(42, "", handset, shortNumber, (byte) 0, (byte) 0,
                "PORABA".getBytes(StandardCharsets.US_ASCII));
    }

    @Benchmark
    public Object decodeSubmitSm() {
        out.clear();
        ByteBuf frame = Unpooled.wrappedBuffer(submitSm);
        decoder.decode(null, frame, out);
        return out.get(0);
    }

    @Benchmark
    public byte[] encodeSubmitSmResp() {
        return Pdus.moResp(SMPPConstant.CID_SUBMIT_SM, 42, "1a2b3c");
    }

    @Benchmark
    public byte[] encodeUssdReplyDeliverSm() {
        SmppText.Encoded text = SmppText.encode(REPLY);
        return Pdus.deliverSm(43, "USSD", shortNumber, handset, (byte) 0, text.dataCoding(), text.bytes(),
                new OptionalParameter.Ussd_service_op((byte) 17),
                new OptionalParameter.Short(OptionalParameter.Tag.USER_MESSAGE_REFERENCE, (short) 7));
    }
}
