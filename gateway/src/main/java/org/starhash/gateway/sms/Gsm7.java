package org.starhash.gateway.sms;

/**
 * The GSM 7-bit default alphabet and its extension table (3GPP TS 23.038 §6.2.1): which texts it can carry and
 * how many septets they take, an extension character counting twice.
 */
public final class Gsm7 {

    /** The default alphabet in code order; index 0x1B is the escape to the extension table. */
    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    /** The extension table's characters, each sent as escape plus one septet. */
    private static final String EXTENSION = "\f^{}\\[~]|€";

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
            char c = text.charAt(i);
            if (c != '\u001B' && BASIC.indexOf(c) >= 0) {
                septets++;
            } else if (EXTENSION.indexOf(c) >= 0) {
                septets += 2;
            } else {
                return -1;
            }
        }
        return septets;
    }

    /** Whether the text can go in GSM 7-bit. */
    public static boolean fits(CharSequence text) {
        return septets(text) >= 0;
    }
}
