package org.starhash.gateway.ussd;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UssdStringTest {

    @Test
    void splitsPrefixCodeAndParts() {
        assertEquals(new UssdString("*", "123", List.of()), UssdString.parse("*123#").orElseThrow());
        assertEquals(new UssdString("*", "123", List.of("5", "070123456")),
                UssdString.parse("*123*5*070123456#").orElseThrow());
        assertEquals(new UssdString("**", "61", List.of("041234567", "20")),
                UssdString.parse("**61*041234567*20#").orElseThrow());
        assertEquals(new UssdString("*#", "43", List.of()), UssdString.parse("*#43#").orElseThrow());
        assertEquals(new UssdString("##", "002", List.of()), UssdString.parse("##002#").orElseThrow());
    }

    @Test
    void refusesWhatIsNotAUssdString() {
        for (String bad : new String[] {"*12a#", "**#", "*123", "123#", "", "*123*#x", "#"}) {
            assertEquals(Optional.empty(), UssdString.parse(bad), bad);
        }
        assertTrue(UssdString.parse("*1*" + "1".repeat(180) + "#").isEmpty(), "over 182 characters");
    }
}
