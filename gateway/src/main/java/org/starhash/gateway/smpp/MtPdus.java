package org.starhash.gateway.smpp;

import org.jsmpp.bean.OptionalParameter;
import org.starhash.gateway.sms.Segments;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * The one composer of what the gateway sends towards a handset: an SMS as its segments on the air (the rule of
 * {@link Segments#forAir}, so what goes out is what was charged), a USSD screen, question or notice with its
 * {@link UssdOp}. Replies to MO, outbox deliveries and upstream client binds all compose here; the link decides
 * only which PDU carries the message ({@link Carrier}).
 */
final class MtPdus {

    /** Which PDU carries a message on a link. */
    enum Carrier {
        /** Towards a peer bound to us as an ESME, or in answer to its submit_sm or data_sm. */
        DELIVER_SM,
        /** Towards an SMSC: an upstream we bound to, or a peer that sends us deliver_sm. */
        SUBMIT_SM;

        /** The carrier of an answer to an MO of this command: its mirror PDU. */
        static Carrier answering(int moCommandId) {
            return moCommandId == org.jsmpp.SMPPConstant.CID_DELIVER_SM ? SUBMIT_SM : DELIVER_SM;
        }
    }

    /** A composed PDU and its sequence_number, by which its response is matched. */
    record Mt(int sequence, byte[] pdu) {
    }

    private final boolean transliterate;

    /** @param transliterate write SMS without the letters GSM 7-bit lacks */
    MtPdus(boolean transliterate) {
        this.transliterate = transliterate;
    }

    /**
     * An SMS as one PDU per segment; a long one carries concatenation headers (esm_class UDHI), the parts tied by
     * {@code reference}, which a retry keeps so the handset can join copies.
     */
    List<Mt> sms(Carrier carrier, IntSupplier sequences, String serviceType, Pdus.Address from, Pdus.Address to,
                 String text, int reference) {
        Segments segments = Segments.forAir(text, transliterate, reference);
        byte esmClass = segments.concatenated() ? SmppText.ESM_UDHI : 0;
        List<Mt> pdus = new ArrayList<>(segments.count());
        for (byte[] segment : segments.segments()) {
            int sequence = sequences.getAsInt();
            pdus.add(new Mt(sequence, compose(carrier, sequence, serviceType, from, to, esmClass,
                    segments.alphabet().dataCoding(), segment, List.of())));
        }
        return pdus;
    }

    /**
     * A USSD message in one PDU (service_type USSD): the text in short_message, or in message_payload when it is
     * longer than short_message holds, with the op and any TLVs echoed from the dialogue (its reference).
     */
    Mt ussd(Carrier carrier, int sequence, UssdOp op, Pdus.Address from, Pdus.Address to, String text,
            List<OptionalParameter> echoed) {
        SmppText.Encoded encoded = SmppText.encode(text);
        List<OptionalParameter> tlvs = new ArrayList<>(echoed.size() + 2);
        tlvs.add(new OptionalParameter.Ussd_service_op(op.value()));
        tlvs.addAll(echoed);
        byte[] shortMessage = SmppText.shortMessage(encoded, tlvs);
        return new Mt(sequence, compose(carrier, sequence, "USSD", from, to, (byte) 0, encoded.dataCoding(),
                shortMessage, tlvs));
    }

    private static byte[] compose(Carrier carrier, int sequence, String serviceType, Pdus.Address from,
                                  Pdus.Address to, byte esmClass, byte dataCoding, byte[] shortMessage,
                                  List<OptionalParameter> tlvs) {
        OptionalParameter[] array = tlvs.toArray(OptionalParameter[]::new);
        return carrier == Carrier.DELIVER_SM
                ? Pdus.deliverSm(sequence, serviceType, from, to, esmClass, dataCoding, shortMessage, array)
                : Pdus.submitSm(sequence, serviceType, from, to, esmClass, dataCoding, shortMessage, array);
    }
}
