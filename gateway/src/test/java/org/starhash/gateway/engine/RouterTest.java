package org.starhash.gateway.engine;

import org.junit.jupiter.api.Test;
import org.starhash.gateway.TestGateway;
import org.starhash.gateway.config.GatewayConfig;
import org.starhash.gateway.config.ShortNumberRoute;
import org.starhash.gateway.services.Decision;
import org.starhash.gateway.services.Service;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class RouterTest {

    private static Service named(String name) {
        return new Service() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Decision decide(org.starhash.gateway.services.Invocation call,
                                   org.starhash.gateway.store.Subscriber caller, org.starhash.gateway.store.Lookup state) {
                return Decision.answer(name);
            }
        };
    }

    private static Router router() throws Exception {
        GatewayConfig config = TestGateway.shippedConfig();
        Map<String, String> keywords = Map.of("GPRS", "gprs", "GPRS TUJINA", "roaming", "NEURJE", "storm");
        return new Router(Map.of("123", "balance"), Map.of("7070", new ShortNumberRoute("7070", 9, keywords)),
                Map.of("balance", named("balance"), "gprs", named("gprs"), "roaming", named("roaming"),
                        "storm", named("storm")), code -> java.util.Optional.empty(), config.texts());
    }

    private static Route.Call call(Route route) {
        return assertInstanceOf(Route.Call.class, route);
    }

    @Test
    void theLongestKeywordWinsAndArgumentsFollowIt() throws Exception {
        Route.Call call = call(router().route(new Request(Channel.SMS, "041000001", "7070", "gprs  tujina")));
        assertEquals("roaming", call.service().name());
        assertEquals(List.of(), call.args());
        assertEquals("sms:7070:GPRS TUJINA", call.chargeService());
        assertEquals(9, call.chargeCents());
    }

    @Test
    void keywordsIgnoreCaseAndDiacriticsAndKeepArgumentsAsWritten() throws Exception {
        Route.Call call = call(router().route(new Request(Channel.SMS, "041000001", "7070", "Neurje Žalec")));
        assertEquals("storm", call.service().name());
        assertEquals(List.of("Žalec"), call.args());
    }

    @Test
    void aWordThatOnlyStartsLikeAKeywordIsNotIt() throws Exception {
        Route.Answer answer = assertInstanceOf(Route.Answer.class,
                router().route(new Request(Channel.SMS, "041000001", "7070", "GPRSX")));
        assertEquals("Neznana ključna beseda. Na 7070 lahko pošljete: GPRS, GPRS TUJINA, NEURJE.", answer.text());
    }

    @Test
    void ussdRoutesByServiceCodeWithItsParts() throws Exception {
        Route.Call call = call(router().route(new Request(Channel.USSD, "041000001", "123", "*123*5*070123456#")));
        assertEquals("balance", call.service().name());
        assertEquals(List.of("5", "070123456"), call.args());
        assertEquals("", call.chargeService(), "USSD is free");
    }

    @Test
    void aMalformedStringEchoesAtMostAShortPieceOfWhatWasDialled() throws Exception {
        Route.Answer answer = assertInstanceOf(Route.Answer.class,
                router().route(new Request(Channel.USSD, "041000001", "1", "*1" + "9".repeat(5000) + "#")));
        assertEquals("Niz *19999999999999999999999… ni pravilna koda. Koda se začne z * in konča z #, na primer *123#.",
                answer.text());
    }

    @Test
    void malformedAndUnknownCodesGetTheirOwnTexts() throws Exception {
        for (String bad : new String[] {"*12a#", "**#", "*123", "123#"}) {
            Route.Answer answer = assertInstanceOf(Route.Answer.class,
                    router().route(new Request(Channel.USSD, "041000001", "1", bad)));
            assertEquals("Niz " + bad + " ni pravilna koda. Koda se začne z * in konča z #, na primer *123#.",
                    answer.text(), bad);
        }
        Route.Answer unknown = assertInstanceOf(Route.Answer.class,
                router().route(new Request(Channel.USSD, "041000001", "999", "*999#")));
        assertEquals("Koda *999# ne obstaja.", unknown.text());
    }
}
