package org.starhash.gateway.values;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The mod-11 check of Slovenian tax numbers. */
class TaxNumberTest {

    @Test
    void validNumbersPass() {
        assertEquals(TaxNumber.Check.VALID, TaxNumber.check("95985352"));
        assertEquals(TaxNumber.Check.VALID, TaxNumber.check("18273645"));
        // 1234567: the sum 8+14+18+20+20+18+14 = 112, 112 mod 11 = 2, check 9
        assertEquals(TaxNumber.Check.VALID, TaxNumber.check("12345679"));
    }

    @Test
    void aWrongLastDigitFailsTheCheck() {
        assertEquals(TaxNumber.Check.CHECK_DIGIT, TaxNumber.check("95985353"));
        assertEquals(TaxNumber.Check.CHECK_DIGIT, TaxNumber.check("12345678"));
    }

    @Test
    void aRemainderOfZeroMakesNoValidNumber() {
        // 1000010: 8 + 3 = 11, remainder 0, so no last digit makes it valid.
        for (int last = 0; last <= 9; last++) {
            assertEquals(TaxNumber.Check.CHECK_DIGIT, TaxNumber.check("1000010" + last));
        }
    }

    @Test
    void anythingButEightDigitsNotStartingWithZeroIsMalformed() {
        assertEquals(TaxNumber.Check.FORMAT, TaxNumber.check("1234567"));
        assertEquals(TaxNumber.Check.FORMAT, TaxNumber.check("123456789"));
        assertEquals(TaxNumber.Check.FORMAT, TaxNumber.check("1234567a"));
        assertEquals(TaxNumber.Check.FORMAT, TaxNumber.check("05985352"));
    }
}
