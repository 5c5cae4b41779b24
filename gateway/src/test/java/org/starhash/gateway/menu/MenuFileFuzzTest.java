package org.starhash.gateway.menu;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.starhash.gateway.TestGateway;
import org.starhash.gateway.config.GatewayConfig;
import org.starhash.gateway.engine.MenuSetup;
import org.starhash.gateway.services.Services;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Any menu file text is taken or refused with problems that each name the file, a line and what is wrong,
 * against the real rules of the shipped config; nothing else escapes the parser or the validator.
 */
class MenuFileFuzzTest {

    private static final MenuRules RULES = rules();

    private static MenuRules rules() {
        try {
            GatewayConfig config = TestGateway.shippedConfig();
            return MenuSetup.rules(config, Services.builtIn(config));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @FuzzTest(maxDuration = "60s")
    void anyMenuTextIsTakenOrRefusedWithFileAndLine(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        MenuParser.Parsed parsed = MenuParser.parse("menus/900.yaml", text);
        List<MenuProblem> problems = new ArrayList<>(parsed.problems());
        if (parsed.file().isPresent() && problems.isEmpty()) {
            problems.addAll(MenuValidator.validate(RULES, parsed.file().get(), parsed.gotos()));
        }
        assertTrue(parsed.file().isPresent() || !problems.isEmpty(), "neither a file nor a problem");
        for (MenuProblem p : problems) {
            assertTrue(p.file().equals("menus/900.yaml") && p.line() >= 0, p::toString);
            assertFalse(p.message().isBlank(), p::toString);
        }
    }
}
