package org.starhash.gateway.smpp;

import org.jsmpp.bean.AbstractSmCommand;
import org.jsmpp.bean.MessageRequest;
import org.jsmpp.bean.OptionalParameter;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Text in and out of {@code short_message}: data_coding 0 and 1 are read as ASCII, 3 as Latin-1 and 8 as
 * UCS-2; a reply goes out as ASCII when it can and as UCS-2 (data_coding 8) when it has other letters.
 */
public final class SmppText {

    static final byte DC_DEFAULT = 0;
    static final byte DC_UCS2 = 8;
    /** The most octets short_message holds. */
    static final int MAX_SHORT_MESSAGE = 254;

    private SmppText() {
    }

    /** The text of an MO, or null when its data_coding is one we do not read. */
    static String decode(byte[] bytes, byte dataCoding) {
        if (bytes == null) {
            return "";
        }
        return switch (dataCoding & 0xff) {
            case 0, 1 -> new String(bytes, StandardCharsets.US_ASCII);
            case 3 -> new String(bytes, StandardCharsets.ISO_8859_1);
            case 8 -> new String(bytes, StandardCharsets.UTF_16BE);
            default -> null;
        };
    }

    /**
     * The text a message carries, in {@code short_message} or else in {@code message_payload}; null when its
     * data_coding is one we do not read.
     */
    public static String textOf(AbstractSmCommand sm) {
        byte[] raw = sm instanceof MessageRequest request ? request.getShortMessage() : null;
        OptionalParameter payload = sm.getOptionalParameter(OptionalParameter.Tag.MESSAGE_PAYLOAD);
        if ((raw == null || raw.length == 0) && payload instanceof OptionalParameter.OctetString octets) {
            raw = octets.getValue();
        }
        return decode(raw, sm.getDataCoding());
    }

    /** The ussd_service_op of a message, or -1 when it has none. */
    public static int ussdOpOf(AbstractSmCommand sm) {
        OptionalParameter op = sm.getOptionalParameter(OptionalParameter.Tag.USSD_SERVICE_OP);
        return op instanceof OptionalParameter.Byte b ? b.getValue() & 0xff : -1;
    }

    /** How a reply is written. */
    public record Encoded(byte dataCoding, byte[] bytes) {
    }

    public static Encoded encode(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return new Encoded(DC_UCS2, text.getBytes(StandardCharsets.UTF_16BE));
            }
        }
        return new Encoded(DC_DEFAULT, text.getBytes(StandardCharsets.US_ASCII));
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
