package org.starhash.gateway.smpp;

import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.AbstractSmCommand;
import org.jsmpp.bean.OptionalParameter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.starhash.gateway.faults.FaultLog;
import org.starhash.gateway.sms.Alphabet;
import org.starhash.gateway.sms.Concatenation;
import org.starhash.gateway.sms.Reassembly;
import org.starhash.gateway.sms.Segments;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Reads the text of an MO: strips its user data header, and holds the parts of a concatenated SMS (named by the
 * header or by the sar_* TLVs) until the last one comes, so the engine sees each message once, whole.
 */
final class MoParts {

    private static final Logger LOG = LoggerFactory.getLogger(MoParts.class);
    /** Parts a peer never completes must not flood the log: a line when it starts, a count a minute. */
    private static final FaultLog DROPPED = FaultLog.ofPeers(LOG, "concatenated SMS dropped with parts missing");

    /** What an MO amounts to. */
    sealed interface Result {
    }

    /**
     * A whole message.
     *
     * @param text     its text
     * @param segments how many SMS it took, the unit an MO is charged by
     */
    record Whole(String text, int segments) implements Result {
    }

    /** A part of a message whose other parts have not all come. */
    record Held() implements Result {
    }

    /** A message that cannot be read, with the status to answer it. */
    record Refused(int status, String why) implements Result {
    }

    private final Reassembly reassembly;
    private final LongSupplier nanos;

    MoParts(Reassembly reassembly, LongSupplier nanos) {
        this.reassembly = reassembly;
        this.nanos = nanos;
    }

    Result read(AbstractSmCommand sm, boolean ussd) {
        byte dataCoding = sm.getDataCoding();
        if (!SmppText.readable(dataCoding)) {
            return new Refused(SMPPConstant.STAT_ESME_RINVDCS, "data_coding " + (dataCoding & 0xff));
        }
        byte[] raw = SmppText.octetsOf(sm);
        boolean payload = sm.getOptionalParameter(OptionalParameter.Tag.MESSAGE_PAYLOAD) != null;
        int from = 0;
        Optional<Concatenation> concatenation;
        try {
            if (SmppText.hasHeader(sm)) {
                Concatenation.Header header = Concatenation.header(raw);
                from = header.length();
                concatenation = header.concatenation();
            } else {
                concatenation = sar(sm);
            }
        } catch (IllegalArgumentException e) {
            int status = SmppText.hasHeader(sm) ? SMPPConstant.STAT_ESME_RINVESMCLASS : SMPPConstant.STAT_ESME_RINVTLVVAL;
            return new Refused(status, e.getMessage());
        }
        if (ussd || concatenation.isEmpty() || concatenation.get().total() == 1) {
            String text = SmppText.decode(raw, from, raw.length, dataCoding);
            int segments = payload && concatenation.isEmpty() ? segments(text, dataCoding) : 1;
            return new Whole(text, segments);
        }
        byte[] body = new byte[raw.length - from];
        System.arraycopy(raw, from, body, 0, body.length);
        Reassembly.Part part = new Reassembly.Part(sourceOf(sm), destinationOf(sm), dataCoding, concatenation.get(), body);
        List<Reassembly.Dropped> dropped = new ArrayList<>();
        Optional<Reassembly.Joined> joined = reassembly.add(part, nanos.getAsLong(), dropped);
        dropped.forEach(MoParts::log);
        if (joined.isEmpty()) {
            return new Held();
        }
        return new Whole(text(joined.get()), concatenation.get().total());
    }

    /** Drops the messages whose parts did not all come in time. */
    void expire() {
        reassembly.expire(nanos.getAsLong()).forEach(MoParts::log);
    }

    private static String text(Reassembly.Joined joined) {
        if (joined.uniform()) {
            byte[] body = joined.body();
            return SmppText.decode(body, 0, body.length, joined.dataCoding());
        }
        StringBuilder text = new StringBuilder();
        for (Reassembly.Part p : joined.parts()) {
            text.append(SmppText.decode(p.body(), 0, p.body().length, p.dataCoding()));
        }
        return text.toString();
    }

    /** A message the SMSC joined itself (message_payload) is charged by the SMS it took on the air. */
    private static int segments(String text, byte dataCoding) {
        boolean ucs2 = dataCoding == Alphabet.UCS2.dataCoding();
        return ucs2 ? Segments.count(text, Alphabet.UCS2) : Segments.count(text);
    }

    private static Optional<Concatenation> sar(AbstractSmCommand sm) {
        OptionalParameter reference = sm.getOptionalParameter(OptionalParameter.Tag.SAR_MSG_REF_NUM);
        OptionalParameter total = sm.getOptionalParameter(OptionalParameter.Tag.SAR_TOTAL_SEGMENTS);
        OptionalParameter number = sm.getOptionalParameter(OptionalParameter.Tag.SAR_SEGMENT_SEQNUM);
        if (reference == null && total == null && number == null) {
            return Optional.empty();
        }
        if (!(reference instanceof OptionalParameter.Short r) || !(total instanceof OptionalParameter.Byte t)
                || !(number instanceof OptionalParameter.Byte n)) {
            throw new IllegalArgumentException("sar_msg_ref_num, sar_total_segments and sar_segment_seqnum go together");
        }
        return Optional.of(new Concatenation(r.getValue() & 0xffff, t.getValue() & 0xff, n.getValue() & 0xff));
    }

    private static String sourceOf(AbstractSmCommand sm) {
        return sm.getSourceAddr() == null ? "" : sm.getSourceAddr();
    }

    private static String destinationOf(AbstractSmCommand sm) {
        return sm.getDestAddress() == null ? "" : sm.getDestAddress();
    }

    private static void log(Reassembly.Dropped d) {
        DROPPED.failed("from " + d.source() + " to " + d.destination() + ": " + d.arrived() + " of its " + d.total()
                + " parts came (" + d.why() + ")");
    }
}
