package org.starhash.gateway.sms;

import java.io.ByteArrayOutputStream;

/**
 * The GSM 7-bit default alphabet and its extension table (3GPP TS 23.038 §6.2.1): which texts it can carry, how
 * many septets they take (an extension character counts twice), and their unpacked form, one septet per octet,
 * as SMPP carries data_coding 0.
 */
public final class Gsm7 {

    /** The default alphabet in code order; index 0x1B is the escape to the extension table. */
    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    /** The extension table's characters, each sent as escape plus the septet at the same index of EXTENSION_CODES. */
    private static final String EXTENSION = "\f^{}\\[~]|€";
    private static final byte[] EXTENSION_CODES = {0x0A, 0x14, 0x28, 0x29, 0x2F, 0x3C, 0x3D, 0x3E, 0x40, 0x65};
    private static final int ESCAPE = 0x1B;

    static {
        if (BASIC.length() != 128) {
            throw new AssertionError("the GSM 7-bit table must have 128 characters, not " + BASIC.length());
        }
    }

    private Gsm7() {
    }

    /** The septets the text takes in GSM 7-bit, or -1 when a character needs UCS-2. */
    public static int septets(CharSequence text) {
        int septets = 0;
        for (int i = 0; i < text.length(); i++) {
            int size = septets(text.charAt(i));
            if (size < 0) {
                return -1;
            }
            septets += size;
        }
        return septets;
    }

    /** The septets one character takes: 1 in the default alphabet, 2 in the extension table, -1 in neither. */
    static int septets(char c) {
        if (c != ESCAPE && BASIC.indexOf(c) >= 0) {
            return 1;
        }
        return EXTENSION.indexOf(c) >= 0 ? 2 : -1;
    }

    /** Whether the text can go in GSM 7-bit. */
    public static boolean fits(CharSequence text) {
        return septets(text) >= 0;
    }

    /** The text as unpacked septets; only for a text that {@link #fits}. */
    public static byte[] encode(CharSequence text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int basic = c == ESCAPE ? -1 : BASIC.indexOf(c);
            if (basic >= 0) {
                out.write(basic);
                continue;
            }
            int extension = EXTENSION.indexOf(c);
            if (extension < 0) {
                throw new IllegalArgumentException("'" + c + "' is not in the GSM 7-bit alphabet");
            }
            out.write(ESCAPE);
            out.write(EXTENSION_CODES[extension]);
        }
        return out.toByteArray();
    }

    /**
     * The text of unpacked septets. An escape before a code the extension table does not have reads as the
     * default alphabet's character (TS 23.038 says a receiver shows that one); a top bit set is ignored.
     */
    public static String decode(byte[] septets, int from, int to) {
        StringBuilder text = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            int code = septets[i] & 0x7F;
            if (code == ESCAPE && i + 1 < to) {
                int next = septets[++i] & 0x7F;
                int extension = indexOf(next);
                text.append(extension >= 0 ? EXTENSION.charAt(extension) : BASIC.charAt(next == ESCAPE ? 0x20 : next));
            } else if (code == ESCAPE) {
                text.append(' ');
            } else {
                text.append(BASIC.charAt(code));
            }
        }
        return text.toString();
    }

    private static int indexOf(int code) {
        for (int i = 0; i < EXTENSION_CODES.length; i++) {
            if (EXTENSION_CODES[i] == code) {
                return i;
            }
        }
        return -1;
    }
}
