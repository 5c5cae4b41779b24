package org.starhash.gateway.sms;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How many SMS a reply takes and how it is cut, as a handset would count and join them. */
class SegmentsTest {

    @Test
    void gsm7HoldsOneHundredSixtyInOneSmsAndOneHundredFiftyThreeAPart() {
        assertEquals(1, Segments.count("a".repeat(160)));
        assertEquals(2, Segments.count("a".repeat(161)));
        assertEquals(2, Segments.count("a".repeat(306)));
        assertEquals(3, Segments.count("a".repeat(307)));
    }

    @Test
    void extensionCharactersCountTwice() {
        assertEquals(1, Segments.count("€".repeat(80)));
        assertEquals(2, Segments.count("€".repeat(81)));
    }

    @Test
    void slovenianLettersNeedUcs2WithSeventyAndSixtySeven() {
        assertEquals(Alphabet.UCS2, Alphabet.of("Več"));
        assertEquals(1, Segments.count("č".repeat(70)));
        assertEquals(2, Segments.count("č".repeat(71)));
        assertEquals(2, Segments.count("č".repeat(134)));
        assertEquals(3, Segments.count("č".repeat(135)));
    }

    @Test
    void partsCarryReferenceTotalAndNumberAndJoinToTheText() {
        String text = "x".repeat(152) + "€" + "y".repeat(150);
        Segments s = Segments.of(text, 0x1234);
        assertTrue(s.concatenated());
        assertEquals(Alphabet.GSM7, s.alphabet());
        assertEquals(2, s.segments().size());
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < 2; i++) {
            byte[] part = s.segments().get(i);
            assertArrayEquals(new byte[] {5, 0, 3, 0x34, 2, (byte) (i + 1)}, java.util.Arrays.copyOf(part, 6));
            joined.append(Gsm7.decode(part, 6, part.length));
        }
        assertEquals(text, joined.toString());
        // € takes two septets, which do not fit after 152: it goes whole into the second part.
        assertEquals("x".repeat(152), Gsm7.decode(s.segments().get(0), 6, s.segments().get(0).length));
    }

    @Test
    void aSurrogatePairIsNeverCut() {
        String text = "č".repeat(66) + "😀" + "č".repeat(10);
        Segments s = Segments.of(text, 1);
        byte[] first = s.segments().get(0);
        assertEquals("č".repeat(66), new String(first, 6, first.length - 6, StandardCharsets.UTF_16BE));
    }

    @Test
    void aShortTextHasNoHeader() {
        Segments s = Segments.of("Hvala!", 3);
        assertFalse(s.concatenated());
        assertArrayEquals(Gsm7.encode("Hvala!"), s.segments().get(0));
    }

    @Test
    void gsm7RoundTripsEveryCharacterItHas() {
        String all = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./09:;<=>?¡AZÄÖÑÜ§¿azäöñüà\f^{}\\[~]|€";
        byte[] septets = Gsm7.encode(all);
        assertEquals(Gsm7.septets(all), septets.length);
        assertEquals(all, Gsm7.decode(septets, 0, septets.length));
    }

    @Test
    void transliterationWritesSlovenianAndCroatianLettersPlain() {
        assertEquals("Zalec, Cacak, Dakovo, SUMA", Transliteration.apply("Žalec, Čačak, Đakovo, ŠUMA"));
        assertEquals(List.of(Alphabet.GSM7), List.of(Alphabet.of(Transliteration.apply("čšžćđ"))));
    }
}
