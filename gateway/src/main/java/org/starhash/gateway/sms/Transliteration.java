package org.starhash.gateway.sms;

/**
 * Writes the Slovenian and Croatian letters that GSM 7-bit lacks (č, š, ž, ć, đ) as their base letters, so a
 * reply fits 160 characters a segment instead of 70. An operator turns it on for SMS replies in config.
 */
public final class Transliteration {

    private static final String FROM = "čšžćđČŠŽĆĐ";
    private static final String TO = "cszcdCSZCD";

    private Transliteration() {
    }

    public static String apply(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            int at = FROM.indexOf(text.charAt(i));
            if (at >= 0) {
                if (out == null) {
                    out = new StringBuilder(text);
                }
                out.setCharAt(i, TO.charAt(at));
            }
        }
        return out == null ? text : out.toString();
    }
}
