package org.starhash.gateway.ussd;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Any dialled string is parsed or refused, never thrown on; what parses fits a USSD string. */
class UssdStringFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void anyDialledStringIsParsedOrRefused(FuzzedDataProvider data) {
        String dialled = data.consumeRemainingAsString();
        Optional<UssdString> parsed = UssdString.parse(dialled);
        parsed.ifPresent(u -> {
            assertTrue(dialled.length() <= UssdString.MAX_LENGTH, "over-long string parsed: " + dialled.length());
            assertTrue(u.serviceCode().chars().allMatch(Character::isDigit), "service code " + u.serviceCode());
        });
    }
}
