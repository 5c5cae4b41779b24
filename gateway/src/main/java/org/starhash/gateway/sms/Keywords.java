package org.starhash.gateway.sms;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How SMS keywords are compared: {@code neurje   Žalec} is {@code NEURJE ZALEC}, so a subscriber may write a
 * keyword with or without diacritics, in any case, with any spacing; config folds its keywords the same way.
 */
public final class Keywords {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private Keywords() {
    }

    /** Upper case without diacritics, runs of spaces as one, stripped. */
    public static String fold(String text) {
        String decomposed = isAscii(text) ? text : MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
        return SPACES.matcher(decomposed.replace('đ', 'd').replace('Đ', 'D').toUpperCase(Locale.ROOT).strip()).replaceAll(" ");
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
