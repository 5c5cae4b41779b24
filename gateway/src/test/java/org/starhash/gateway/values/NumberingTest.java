package org.starhash.gateway.values;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NumberingTest {

    private final Numbering slovenia = new Numbering("386", "0");

    @Test
    void everyWayOfWritingANumberIsOneSubscriber() {
        for (String written : new String[] {"070000001", "+38670000001", "0038670000001", "38670000001", " 070 000 001 "}) {
            assertEquals(Optional.of("38670000001"), slovenia.normalize(written), written);
        }
    }

    @Test
    void whatIsNotANumberIsRefused() {
        for (String bad : new String[] {"", "abc", "+", "0", "12345", "+3867000000112345678", "7070x"}) {
            assertEquals(Optional.empty(), slovenia.normalize(bad), bad);
        }
        assertEquals(Optional.empty(), slovenia.normalize(null));
    }
}
