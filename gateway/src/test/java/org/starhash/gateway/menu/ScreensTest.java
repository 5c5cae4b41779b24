package org.starhash.gateway.menu;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What fits a USSD screen, and how longer menus and texts are paged. */
class ScreensTest {

    private final Screens screens = new Screens(new Screens.Keys("0", "00", "98"),
            new Screens.Labels("Več", "Nazaj", "Domov", "Napačna izbira.", check -> "Vnesite številke."));

    @Test
    void aScreenHolds182Gsm7CharactersOr80WhenALetterNeedsUcs2() {
        assertTrue(Screens.fits("a".repeat(182)));
        assertTrue(!Screens.fits("a".repeat(183)));
        assertTrue(!Screens.fits("{".repeat(92)), "extension characters count twice");
        assertTrue(Screens.fits("č".repeat(80)));
        assertTrue(!Screens.fits("č" + "a".repeat(80)));
    }

    @Test
    void aLongTextIsPagedAtSpacesWithTheMoreKeyOnEveryPageButTheLast() {
        String text = "beseda ".repeat(60).strip();
        List<String> pages = screens.textPages(text);
        assertEquals(5, pages.size(), "the č of \"98 Več\" makes every page but the last UCS-2, 80 characters");
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < pages.size(); i++) {
            String page = pages.get(i);
            assertTrue(Screens.fits(page), page);
            boolean last = i == pages.size() - 1;
            assertEquals(!last, page.endsWith("\n98 Več"), page);
            joined.append(joined.length() == 0 ? "" : " ").append(last ? page : page.substring(0, page.length() - 7));
        }
        assertEquals(text, joined.toString(), "no word is cut or lost");
    }

    @Test
    void menuPagesKeepRoomForTheWrongChoiceLineAndNumberItemsOnAcrossPages() {
        List<String> items = List.of("Številke 090", "Prenos podatkov", "Gostovanje v tujini", "Podatki v gostovanju");
        assertEquals("Zapore\n1 Številke 090\n2 Prenos podatkov\n3 Gostovanje v tujini\n98 Več",
                screens.menu("Zapore", items, 1, 0, false));
        assertEquals("4 Podatki v gostovanju\n0 Nazaj", screens.menu("Zapore", items, 1, 1, false));
        assertEquals("Napačna izbira.\n4 Podatki v gostovanju\n0 Nazaj", screens.menu("Zapore", items, 1, 1, true));
        assertEquals(97, screens.maxItems());
    }
}
