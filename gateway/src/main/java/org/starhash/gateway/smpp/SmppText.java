package org.starhash.gateway.smpp;

import org.jsmpp.bean.AbstractSmCommand;
import org.jsmpp.bean.MessageRequest;
import org.jsmpp.bean.OptionalParameter;
import org.starhash.gateway.sms.Alphabet;
import org.starhash.gateway.sms.Concatenation;
import org.starhash.gateway.sms.Gsm7;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Text in and out of {@code short_message}: data_coding 0 is read as unpacked GSM 7-bit, 1 as ASCII (IA5), 3 as
 * Latin-1 and 8 as UCS-2; a reply goes out as GSM 7-bit when it can and as UCS-2 when it has other letters. A
 * message with the UDHI bit of esm_class starts with a user data header, which is not text.
 */
public final class SmppText {

    /** The most octets short_message holds. */
    static final int MAX_SHORT_MESSAGE = 254;
    /** esm_class bit 6: short_message starts with a user data header. */
    static final byte ESM_UDHI = 0x40;

    private SmppText() {
    }

    /** Whether we read the data_coding: 0, 1, 3 or 8. */
    static boolean readable(byte dataCoding) {
        int dc = dataCoding & 0xff;
        return dc == 0 || dc == 1 || dc == 3 || dc == 8;
    }

    /** The text of octets, or null when the data_coding is one we do not read. */
    static String decode(byte[] bytes, int from, int to, byte dataCoding) {
        return switch (dataCoding & 0xff) {
            case 0 -> Gsm7.decode(bytes, from, to);
            case 1 -> new String(bytes, from, to - from, StandardCharsets.US_ASCII);
            case 3 -> new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
            case 8 -> new String(bytes, from, to - from, StandardCharsets.UTF_16BE);
            default -> null;
        };
    }

    /** The octets a message carries: short_message, or message_payload when short_message is empty. */
    static byte[] octetsOf(AbstractSmCommand sm) {
        byte[] raw = sm instanceof MessageRequest request ? request.getShortMessage() : null;
        OptionalParameter payload = sm.getOptionalParameter(OptionalParameter.Tag.MESSAGE_PAYLOAD);
        if ((raw == null || raw.length == 0) && payload instanceof OptionalParameter.OctetString octets) {
            raw = octets.getValue();
        }
        return raw == null ? new byte[0] : raw;
    }

    /** Whether the message's octets start with a user data header. */
    static boolean hasHeader(AbstractSmCommand sm) {
        return (sm.getEsmClass() & ESM_UDHI) != 0;
    }

    /**
     * The text a message carries, without its user data header; null when its data_coding is one we do not
     * read. A header that cannot be read is taken as text.
     */
    public static String textOf(AbstractSmCommand sm) {
        byte[] raw = octetsOf(sm);
        int from = 0;
        if (hasHeader(sm)) {
            try {
                from = Concatenation.header(raw).length();
            } catch (IllegalArgumentException e) {
                from = 0;
            }
        }
        return decode(raw, from, raw.length, sm.getDataCoding());
    }

    /** The concatenation a message's user data header names, if it has one. */
    public static Optional<Concatenation> concatenationOf(AbstractSmCommand sm) {
        if (!hasHeader(sm)) {
            return Optional.empty();
        }
        try {
            return Concatenation.header(octetsOf(sm)).concatenation();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The ussd_service_op of a message, or -1 when it has none. */
    public static int ussdOpOf(AbstractSmCommand sm) {
        OptionalParameter op = sm.getOptionalParameter(OptionalParameter.Tag.USSD_SERVICE_OP);
        return op instanceof OptionalParameter.Byte b ? b.getValue() & 0xff : -1;
    }

    /** How a text is written in one message. */
    public record Encoded(byte dataCoding, byte[] bytes) {
    }

    /** A text in one message, GSM 7-bit when it fits, else UCS-2; USSD screens and single SMS. */
    public static Encoded encode(String text) {
        if (Alphabet.of(text) == Alphabet.GSM7) {
            return new Encoded(Alphabet.GSM7.dataCoding(), Gsm7.encode(text));
        }
        return new Encoded(Alphabet.UCS2.dataCoding(), text.getBytes(StandardCharsets.UTF_16BE));
    }

    /**
     * The short_message for an encoded text; a text longer than short_message may hold goes into a
     * message_payload TLV added to {@code tlvs}, and short_message stays empty (SMPP 3.4 §5.3.2.32).
     */
    static byte[] shortMessage(Encoded encoded, List<OptionalParameter> tlvs) {
        if (encoded.bytes().length <= MAX_SHORT_MESSAGE) {
            return encoded.bytes();
        }
        tlvs.add(new OptionalParameter.OctetString(OptionalParameter.Tag.MESSAGE_PAYLOAD.code(), encoded.bytes()));
        return new byte[0];
    }
}
