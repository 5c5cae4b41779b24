package org.starhash.gateway.config;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TemplateTest {

    @Test
    void fillsPlaceholdersAndKeepsSpecialCharactersOfValues() {
        Template t = Template.parse("Stanje {balance} EUR, {balance}.", Set.of("balance"));
        assertEquals("Stanje 1$2\\0 EUR, 1$2\\0.", t.render(Map.of("balance", "1$2\\0")));
    }

    @Test
    void refusesPlaceholdersTheTextDoesNotKnow() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Template.parse("Hi {name}", Set.of()));
        assertEquals("unknown placeholder {name}, this text takes none", e.getMessage());
    }
}
