package org.starhash.gateway.sms;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A text cut into SMS segments: one when it fits, else parts that each carry a concatenation header
 * (3GPP TS 23.040 §9.2.3.24.1: 8-bit reference, total, number). A cut never separates an escape from its
 * extension character nor the two halves of a surrogate pair.
 *
 * @param alphabet the alphabet every segment is written in
 * @param segments the short_message of each segment, the header included when there are several
 */
public record Segments(Alphabet alphabet, List<byte[]> segments) {

    /** The most parts a concatenated SMS may have. */
    public static final int MAX_PARTS = 255;
    /** Length of the concatenation header: UDHL, IEI 0, IEDL 3, reference, total, number. */
    public static final int HEADER = 6;

    public Segments {
        segments = List.copyOf(segments);
    }

    /** Whether the segments carry concatenation headers (esm_class UDHI). */
    public boolean concatenated() {
        return segments.size() > 1;
    }

    /** How many segments a text takes. */
    public static int count(String text) {
        return count(text, Alphabet.of(text));
    }

    /** How many segments a text takes in the given alphabet (UCS-2 for a text that came so). */
    public static int count(String text, Alphabet alphabet) {
        if (alphabet == Alphabet.GSM7 && !Gsm7.fits(text)) {
            throw new IllegalArgumentException("the text does not fit GSM 7-bit");
        }
        return cut(text, alphabet).size();
    }

    /**
     * The one on-air rule: what an MT text becomes on the air, transliterated first when the operator wants SMS
     * without the letters GSM 7-bit lacks; what a subscriber is charged by counts these segments.
     */
    public static Segments forAir(String text, boolean transliterate, int reference) {
        return of(transliterate ? Transliteration.apply(text) : text, reference);
    }

    /** How many segments an MT text takes on the air; see {@link #forAir}. */
    public int count() {
        return segments.size();
    }

    /**
     * Cuts a text into segments; the reference ties the parts of one message together (only its low 8 bits are
     * sent). A text beyond {@link #MAX_PARTS} parts is cut short.
     */
    public static Segments of(String text, int reference) {
        Alphabet alphabet = Alphabet.of(text);
        List<String> pieces = cut(text, alphabet);
        if (pieces.size() == 1) {
            return new Segments(alphabet, List.of(encode(pieces.get(0), alphabet)));
        }
        int total = Math.min(pieces.size(), MAX_PARTS);
        List<byte[]> segments = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            byte[] body = encode(pieces.get(i), alphabet);
            byte[] segment = new byte[HEADER + body.length];
            segment[0] = 5;
            segment[1] = 0;
            segment[2] = 3;
            segment[3] = (byte) reference;
            segment[4] = (byte) total;
            segment[5] = (byte) (i + 1);
            System.arraycopy(body, 0, segment, HEADER, body.length);
            segments.add(segment);
        }
        return new Segments(alphabet, segments);
    }

    private static byte[] encode(String piece, Alphabet alphabet) {
        return alphabet == Alphabet.GSM7 ? Gsm7.encode(piece) : piece.getBytes(StandardCharsets.UTF_16BE);
    }

    /** The text's pieces, one per segment. */
    private static List<String> cut(String text, Alphabet alphabet) {
        int whole = alphabet == Alphabet.GSM7 ? Gsm7.septets(text) : text.length();
        if (whole <= alphabet.single()) {
            return List.of(text);
        }
        List<String> pieces = new ArrayList<>();
        int start = 0;
        int used = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int size = alphabet == Alphabet.GSM7 ? Gsm7.septets(c) : 1;
            // The high half of a surrogate pair goes where its low half goes.
            int needed = alphabet == Alphabet.UCS2 && Character.isHighSurrogate(c) ? 2 : size;
            if (used + needed > alphabet.part()) {
                pieces.add(text.substring(start, i));
                start = i;
                used = 0;
            }
            used += size;
        }
        pieces.add(text.substring(start));
        return pieces;
    }
}
