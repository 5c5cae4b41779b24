package org.starhash.gateway.bench;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MixTest {

    @Test
    void weightsHoldInEveryCycle() {
        Mix mix = Mix.parse("poraba=3, balance=1");
        assertEquals("poraba=3,balance=1", mix.toString());
        long porabas = 0;
        for (int n = 0; n < 8; n++) {
            porabas += mix.of(n) == Traffic.PORABA ? 1 : 0;
        }
        assertEquals(6, porabas);
    }

    @Test
    void badMixesAreRefusedWithTheReason() {
        assertEquals("unknown traffic 'gprs'; known: poraba, balance, topup, menu",
                assertThrows(IllegalArgumentException.class, () -> Mix.parse("gprs")).getMessage());
        assertEquals("mix weight of poraba must be 1 to 100, not 0",
                assertThrows(IllegalArgumentException.class, () -> Mix.parse("poraba=0")).getMessage());
        assertEquals("mix weight of balance is not a number: x",
                assertThrows(IllegalArgumentException.class, () -> Mix.parse("balance=x")).getMessage());
    }
}
