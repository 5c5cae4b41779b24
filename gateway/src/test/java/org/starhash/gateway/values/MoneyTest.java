package org.starhash.gateway.values;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MoneyTest {

    @Test
    void parsesEurosIntoCents() {
        assertEquals(1250, Money.parseCents("12.50"));
        assertEquals(1250, Money.parseCents("12,5"));
        assertEquals(1200, Money.parseCents("12"));
        assertEquals(9, Money.parseCents("0.09"));
        assertEquals(735, Money.parseCents("7.350"));
    }

    @Test
    void refusesWhatIsNotAnAmount() {
        assertEquals("'0.095' has more than two decimals",
                assertThrows(IllegalArgumentException.class, () -> Money.parseCents("0.095")).getMessage());
        assertEquals("'ten' is not an amount",
                assertThrows(IllegalArgumentException.class, () -> Money.parseCents("ten")).getMessage());
    }

    @Test
    void formatsCentsWithADecimalComma() {
        assertEquals("12,50", Money.format(1250));
        assertEquals("0,05", Money.format(5));
        assertEquals("-0,05", Money.format(-5));
        assertEquals("0,00", Money.format(0));
    }
}
