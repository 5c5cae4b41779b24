package org.starhash.gateway;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.starhash.gateway.ServicesFixture.POSTPAID;
import static org.starhash.gateway.ServicesFixture.PREPAID;

/**
 * {@code POST /admin/authorize}: the network's one question, answered from the barrings a subscriber set (by the
 * menu {@code *121#} and the GSM codes) and the limits of the month (usage events), with the setting or limit
 * that forbids it.
 */
class AuthorizeEndToEndTest {

    private static final String ALLOWED = "{\"allowed\":true}";

    @TempDir
    Path dir;
    private ServicesFixture net;

    @BeforeEach
    void start() throws Exception {
        net = new ServicesFixture(AdminApi.config(dir.resolve("config")), dir.resolve("data"), TestGateway.CLOCK);
    }

    @AfterEach
    void stop() throws Exception {
        net.close();
    }

    private String ask(String msisdn, String service, String more) throws Exception {
        HttpResponse<String> r = AdminApi.post(net.gateway, "authorize",
                "{\"msisdn\":\"" + msisdn + "\",\"service\":\"" + service + "\"" + more + "}", AdminApi.TOKEN);
        assertEquals(200, r.statusCode(), r.body());
        return r.body().strip();
    }

    private static String refused(String reason) {
        return "{\"allowed\":false,\"reason\":\"" + reason + "\"}";
    }

    @Test
    void eachBarringOfTheMenuForbidsWhatItBars() throws Exception {
        assertEquals(ALLOWED, ask(POSTPAID, "premium", ""));
        net.dial(POSTPAID, "*121*1*1#");
        assertEquals(refused("bar_premium"), ask(POSTPAID, "premium", ""));
        assertEquals(refused("bar_premium"), ask(PREPAID, "premium", ""), "prepaid users have 090 barred at first");
        assertEquals(ALLOWED, ask(POSTPAID, "data", ""));
        net.dial(POSTPAID, "*121*4*1#");
        assertEquals(refused("bar_data_abroad"), ask(POSTPAID, "data_roaming", ",\"zone\":\"eu\""));
        assertEquals(refused("bar_data_national_roaming"), ask(POSTPAID, "data_national_roaming", ""));
        net.dial(POSTPAID, "*121*3*1#");
        assertEquals(refused("bar_roaming"), ask(POSTPAID, "roaming", ""));
        assertEquals(refused("bar_roaming"), ask(POSTPAID, "data_roaming", ",\"zone\":\"non_eu\""));
        net.dial(POSTPAID, "*121*2*1#");
        assertEquals(refused("bar_data"), ask(POSTPAID, "data", ""));
        assertEquals(ALLOWED, ask(POSTPAID, "commercial_sms", ""));
        net.dial(POSTPAID, "*121*5*1#");
        assertEquals(refused("bar_commercial"), ask(POSTPAID, "commercial_sms", ""));
    }

    @Test
    void theGsmCallBarringsForbidCalls() throws Exception {
        assertEquals(ALLOWED, ask(PREPAID, "international_call", ""));
        net.dial(PREPAID, "**332*0000#");
        assertEquals(refused("bar_international_except_home"), ask(PREPAID, "international_call", ""));
        assertEquals(ALLOWED, ask(PREPAID, "international_call", ",\"roaming\":\"abroad\""), "calling home from abroad");
        net.dial(PREPAID, "**331*0000#");
        assertEquals(refused("bar_international"), ask(PREPAID, "international_call", ",\"roaming\":\"abroad\""));
        assertEquals(ALLOWED, ask(PREPAID, "incoming_call", ",\"roaming\":\"abroad\""));
        net.dial(PREPAID, "**351*0000#");
        assertEquals(refused("bar_incoming_roaming"), ask(PREPAID, "incoming_call", ",\"roaming\":\"abroad\""));
        assertEquals(ALLOWED, ask(PREPAID, "incoming_call", ""), "at home calls come in");
        net.dial(PREPAID, "**35*0000#");
        assertEquals(refused("bar_incoming"), ask(PREPAID, "incoming_call", ""));
        assertEquals(ALLOWED, ask(PREPAID, "outgoing_call", ""));
        net.dial(PREPAID, "**33*0000#");
        assertEquals(refused("bar_outgoing"), ask(PREPAID, "outgoing_call", ""));
    }

    @Test
    void theLimitsOfTheMonthForbidWhatTheyLimit() throws Exception {
        String roaming = "{\"id\":\"r1\",\"msisdn\":\"" + POSTPAID + "\",\"kind\":\"data_roaming\",\"zone\":\"eu\",\"amount\":\"61.00\"}";
        assertEquals(ALLOWED, ask(POSTPAID, "data_roaming", ",\"zone\":\"eu\""));
        assertEquals(200, AdminApi.post(net.gateway, "usage", roaming, AdminApi.TOKEN).statusCode());
        assertEquals(refused("roaming_limit"), ask(POSTPAID, "data_roaming", ",\"zone\":\"eu\""));
        assertEquals(ALLOWED, ask(POSTPAID, "data_roaming", ",\"zone\":\"non_eu\""), "each zone has its own limit");
        net.sms(POSTPAID, "7070", "GPRS TUJINA");
        assertEquals(ALLOWED, ask(POSTPAID, "data_roaming", ",\"zone\":\"eu\""), "GPRS TUJINA lifts the bar at once");
        String premium = "{\"id\":\"p1\",\"msisdn\":\"" + POSTPAID + "\",\"kind\":\"premium\",\"number\":\"090123\",\"amount\":\"50.00\"}";
        assertEquals(200, AdminApi.post(net.gateway, "usage", premium, AdminApi.TOKEN).statusCode());
        assertEquals(refused("premium_limit"), ask(POSTPAID, "premium", ""));
        assertEquals(refused("premium_roaming"), ask(POSTPAID, "premium", ",\"roaming\":\"national\""),
                "090 calls are not possible in national roaming or abroad");
    }

    @Test
    void badQueriesAndStrangersAreAnsweredPlainly() throws Exception {
        HttpResponse<String> stranger = AdminApi.post(net.gateway, "authorize",
                "{\"msisdn\":\"070999999\",\"service\":\"data\"}", AdminApi.TOKEN);
        assertEquals(404, stranger.statusCode());
        HttpResponse<String> unknown = AdminApi.post(net.gateway, "authorize",
                "{\"msisdn\":\"" + POSTPAID + "\",\"service\":\"teleport\"}", AdminApi.TOKEN);
        assertEquals(400, unknown.statusCode());
        assertTrue(unknown.body().contains("'teleport' is none of commercial_sms, data, data_national_roaming"), unknown.body());
        HttpResponse<String> noZone = AdminApi.post(net.gateway, "authorize",
                "{\"msisdn\":\"" + POSTPAID + "\",\"service\":\"data_roaming\"}", AdminApi.TOKEN);
        assertEquals(400, noZone.statusCode(), noZone.body());
    }

    @Test
    void theMenuShowsABarALimitHoldsAsSuch() throws Exception {
        net.ussdc.dial(POSTPAID, "*121#", ServicesFixture.REF);
        net.ussdc.next();
        assertTrue(TestPeer.textOf(net.answer(POSTPAID, "4")).startsWith("Zapora podatkov v gostovanju in tujini: izklopljeno"));
        String roaming = "{\"id\":\"r1\",\"msisdn\":\"" + POSTPAID + "\",\"kind\":\"data_roaming\",\"zone\":\"non_eu\",\"amount\":\"100.00\"}";
        assertEquals(200, AdminApi.post(net.gateway, "usage", roaming, AdminApi.TOKEN).statusCode());
        net.ussdc.dial(POSTPAID, "*121#", ServicesFixture.REF);
        net.ussdc.next();
        assertTrue(TestPeer.textOf(net.answer(POSTPAID, "4")).startsWith("Zapora podatkov v gostovanju in tujini: zapora (limit)"));
    }

    @Test
    void theFirstOfTheMonthLiftsTheBarsOfTheLimitsWithNoJob() throws Exception {
        net.close();
        MutableClock clock = new MutableClock(java.time.Instant.parse("2026-11-30T22:00:00Z"));
        net = new ServicesFixture(AdminApi.config(dir.resolve("config")), dir.resolve("data"), clock);
        String roaming = "{\"id\":\"r1\",\"msisdn\":\"" + POSTPAID + "\",\"kind\":\"data_roaming\",\"zone\":\"eu\",\"amount\":\"61.00\"}";
        String premium = "{\"id\":\"p1\",\"msisdn\":\"" + POSTPAID + "\",\"kind\":\"premium\",\"number\":\"090123\",\"amount\":\"50.00\"}";
        assertEquals(200, AdminApi.post(net.gateway, "usage", roaming, AdminApi.TOKEN).statusCode());
        assertEquals(200, AdminApi.post(net.gateway, "usage", premium, AdminApi.TOKEN).statusCode());
        assertEquals(refused("roaming_limit"), ask(POSTPAID, "data_roaming", ",\"zone\":\"eu\""));
        assertEquals(refused("premium_limit"), ask(POSTPAID, "premium", ""));
        clock.advance(java.time.Duration.ofMinutes(59));
        assertEquals(refused("roaming_limit"), ask(POSTPAID, "data_roaming", ",\"zone\":\"eu\""), "22:59 UTC is 23:59 in Ljubljana");
        clock.advance(java.time.Duration.ofMinutes(2));
        assertEquals(ALLOWED, ask(POSTPAID, "data_roaming", ",\"zone\":\"eu\""), "1 December in Ljubljana");
        assertEquals(ALLOWED, ask(POSTPAID, "premium", ""));
    }
}
