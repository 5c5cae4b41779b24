package org.starhash.gateway.menu;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.starhash.gateway.TestGateway;
import org.starhash.gateway.config.GatewayConfig;
import org.starhash.gateway.engine.MenuSetup;
import org.starhash.gateway.services.Services;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Loading menu files: each problem an operator can make is refused with the file, the line and what is wrong. */
class MenuLibraryTest {

    @TempDir
    Path dir;

    private MenuLibrary library() throws Exception {
        GatewayConfig config = TestGateway.shippedConfig();
        return new MenuLibrary(java.util.Optional.of(dir), MenuSetup.rules(config, Services.builtIn(config)), config.ussdCodes());
    }

    /** The problems of one file with the given text, each as "line: message". */
    private List<String> problems(String yaml) throws Exception {
        Files.writeString(dir.resolve("m.yaml"), yaml);
        try (MenuLibrary library = library()) {
            return library.reload().stream().map(p -> p.line() + ": " + p.message()).toList();
        }
    }

    private static final String GOOD = """
            code: "130"
            menu:
              title: Storitve
              items:
                - label: Stanje
                  action: balance
                - label: Pomoč
                  text: Pokličite 070 700 700.
            """;

    @Test
    void aGoodFileLoads() throws Exception {
        assertEquals(List.of(), problems(GOOD));
    }

    @Test
    void anUnknownActionNamesItsLineAndTheKnownOnes() throws Exception {
        assertEquals(List.of("6: unknown action 'balanse'; known actions: account_overdue, account_reactivate, balance, callback, set, spend"),
                problems(GOOD.replace("action: balance", "action: balanse")));
    }

    @Test
    void missingTextsAreNamed() throws Exception {
        assertEquals(List.of("8: text: is the final text shown, and it is empty"),
                problems(GOOD.replace("text: Pokličite 070 700 700.", "text: \"\"")));
        assertEquals(List.of("5: the label is empty"), problems(GOOD.replace("label: Stanje", "label: \" \"")));
        assertEquals(List.of("6: action set has no text of its own: give it a reply:"),
                problems(GOOD.replace("action: balance", "action: set\n      with: { bar_erotic: \"on\" }")));
    }

    @Test
    void badParametersAndPlaceholdersAreNamed() throws Exception {
        assertEquals(List.of("6: action set: unknown setting 'bar_everything'; known settings: bar_commercial, bar_data, "
                        + "bar_data_abroad, bar_data_national_roaming, bar_erotic, bar_incoming, bar_incoming_roaming, "
                        + "bar_international, bar_international_except_home, bar_outgoing, bar_premium, bar_roaming, "
                        + "bar_topup, call_waiting, callback_block, missed_call_sms, roaming_price_sms"),
                problems(GOOD.replace("action: balance", "action: set\n      with: { bar_everything: \"on\" }\n      reply: OK")));
        assertTrue(problems(GOOD.replace("title: Storitve", "title: \"Stanje {balanse}\"")).get(0)
                .startsWith("3: unknown placeholder {balanse}; known here: bar_commercial"));
    }

    @Test
    void aBrokenReferenceAndADuplicateIdAreNamed() throws Exception {
        assertEquals(List.of("8: goto 'domov' leads nowhere: no node has id: domov"),
                problems(GOOD.replace("text: Pokličite 070 700 700.", "goto: domov")));
        String twice = GOOD.replace("      action: balance", "      id: a\n      action: balance")
                .replace("      text: Pokličite", "      id: a\n      text: Pokličite");
        assertEquals(List.of("9: id 'a' is already used on line 6"), problems(twice));
    }

    @Test
    void unknownKeysAndYamlErrorsNameTheirLine() throws Exception {
        assertEquals(List.of("3: unknown key 'titel'; known keys here: dial_choice, items, title"),
                problems(GOOD.replace("title:", "titel:")));
        assertEquals("6: not valid YAML: ", problems(GOOD.replace("- label: Stanje", "- label: [Stanje")).get(0)
                .substring(0, 19));
        assertEquals(List.of("1: code 'abc' is not a USSD service code (1 to 6 digits, as in \"122\")"),
                problems(GOOD.replace("\"130\"", "abc")));
    }

    @Test
    void aMenuWithMoreItemsThanNumbersBeforeTheMoreKeyIsRefused() throws Exception {
        StringBuilder yaml = new StringBuilder("code: \"130\"\nmenu:\n  items:\n");
        for (int i = 0; i < 98; i++) {
            yaml.append("    - label: I").append(i).append("\n      text: T\n");
        }
        assertEquals(List.of("3: the menu has 98 items, more than the 97 that can be numbered before the navigation key 98"),
                problems(yaml.toString()));
    }

    @Test
    void aTitleThatCannotFitAScreenIsRefused() throws Exception {
        assertEquals(List.of("3: the title and one item do not fit one screen (182 characters, 80 with letters such as č); "
                + "shorten the title or the longest label"), problems(GOOD.replace("title: Storitve", "title: " + "č".repeat(79))));
    }

    @Test
    void aCodeTakenByABuiltInServiceOrAnotherFileIsRefused() throws Exception {
        Files.writeString(dir.resolve("a.yaml"), GOOD);
        Files.writeString(dir.resolve("b.yaml"), GOOD);
        Files.writeString(dir.resolve("c.yaml"), GOOD.replace("\"130\"", "\"123\""));
        try (MenuLibrary library = library()) {
            List<String> problems = library.reload().stream().map(MenuProblem::toString).toList();
            assertEquals(List.of(dir.resolve("b.yaml") + ":1: code 130 is already served by " + dir.resolve("a.yaml")
                    + "; one file per code", dir.resolve("c.yaml") + ":1: code 123 is already the built-in service "
                    + "balance (ussd.codes in the config); a code has one route"), problems);
            assertEquals(dir.resolve("a.yaml").toString(), library.menu("130").orElseThrow().source());
        }
    }

    @Test
    void aBrokenEditKeepsTheLastGoodVersionAndARemovedFileStopsServing() throws Exception {
        Path file = dir.resolve("130.yaml");
        Files.writeString(file, GOOD);
        try (MenuLibrary library = library()) {
            assertEquals(List.of(), library.reload());
            MenuFile good = library.menu("130").orElseThrow();
            Files.writeString(file, GOOD.replace("action: balance", "action: balanse"));
            assertEquals(List.of(file + ":6: unknown action 'balanse'; known actions: account_overdue, account_reactivate, balance, callback, set, spend"),
                    library.reload().stream().map(MenuProblem::toString).toList());
            assertEquals(good, library.menu("130").orElseThrow(), "the last good version keeps serving");
            Files.writeString(file, GOOD.replace("Storitve", "Moje storitve"));
            assertEquals(List.of(), library.reload());
            assertEquals("Moje storitve", ((MenuNode.Menu) library.menu("130").orElseThrow().root()).title());
            Files.delete(file);
            library.reload();
            assertTrue(library.menu("130").isEmpty());
        }
    }
}
