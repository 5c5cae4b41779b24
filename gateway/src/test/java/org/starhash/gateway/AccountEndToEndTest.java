package org.starhash.gateway;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.starhash.gateway.ServicesFixture.POSTPAID;
import static org.starhash.gateway.ServicesFixture.POSTPAID_INTL;

/**
 * Moj račun (seed 004) end to end: billing reports the debt, the cut and payments over the admin API; the
 * subscriber hears the overdue amount and switches services back on with *126# over a real USSD centre bind;
 * authorize answers suspended while cut. Reactivated on 23 November, services stay on to the end of the 27th
 * (Ljubljana), and are cut again on the 28th with one SMS unless paid in full. The clock is moved.
 */
class AccountEndToEndTest {

    private static final String ALLOWED = "{\"allowed\":true}";
    private static final String SUSPENDED = "{\"allowed\":false,\"reason\":\"suspended\"}";

    @TempDir
    Path dir;
    private MutableClock clock;
    private ServicesFixture net;

    @BeforeEach
    void start() throws Exception {
        clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
        net = new ServicesFixture(AdminApi.config(dir.resolve("config")), dir.resolve("data"), clock);
    }

    @AfterEach
    void stop() throws Exception {
        net.close();
    }

    private String post(String path, String json) throws Exception {
        HttpResponse<String> r = AdminApi.post(net.gateway, path, json, AdminApi.TOKEN);
        assertEquals(200, r.statusCode(), r.body());
        return r.body().strip();
    }

    private String ask(String service) throws Exception {
        return post("authorize", "{\"msisdn\":\"" + POSTPAID + "\",\"service\":\"" + service + "\"}");
    }

    private void cutWithDebt() throws Exception {
        assertEquals("{\"result\":\"updated\"}", post("accounts/debt", "{\"msisdn\":\"" + POSTPAID + "\",\"overdue\":\"45.20\"}"));
        assertEquals("{\"result\":\"suspended\"}", post("accounts/suspend", "{\"msisdn\":\"" + POSTPAID + "\"}"));
    }

    @Test
    void theOverdueAmountAndACutThatLetsOnlyCallsIn() throws Exception {
        assertEquals("Nimate zapadlih obveznosti.", net.dial(POSTPAID, "*126*1#"));
        assertEquals("Vaše storitve niso izklopljene zaradi neplačila.", net.dial(POSTPAID, "*126*2#"));
        cutWithDebt();
        assertEquals("Zapadle obveznosti: 45,20 EUR.", net.dial(POSTPAID, "*126*1#"));
        for (String service : new String[] {"data", "outgoing_call", "premium", "roaming", "commercial_sms"}) {
            assertEquals(SUSPENDED, ask(service), service);
        }
        assertEquals(ALLOWED, ask("incoming_call"));
        assertTrue(net.dial(POSTPAID, "*123#").contains("EUR"), "*123# keeps working while cut");
        assertEquals("{\"result\":\"updated\"}", post("accounts/payment", "{\"msisdn\":\"" + POSTPAID + "\",\"amount\":\"20.00\"}"));
        assertEquals("Zapadle obveznosti: 25,20 EUR.", net.dial(POSTPAID, "*126*1#"));
        assertEquals(SUSPENDED, ask("data"), "paid in part, still cut");
        assertEquals("{\"result\":\"paid_in_full\"}", post("accounts/payment", "{\"msisdn\":\"" + POSTPAID + "\",\"amount\":\"30.00\"}"));
        assertEquals(ALLOWED, ask("data"));
        assertEquals("Nimate zapadlih obveznosti.", net.dial(POSTPAID, "*126*1#"));
    }

    @Test
    void aReactivationPaidInTimeStaysOn() throws Exception {
        cutWithDebt();
        assertEquals("Storitve so ponovno vklopljene. Dolg 45,20 EUR poravnajte najkasneje 27. 11. 2026, sicer bodo"
                + " znova izklopljene.", net.dial(POSTPAID, "*126*2#"));
        assertEquals(ALLOWED, ask("data"));
        assertEquals("Storitve so bile ponovno vklopljene do 27. 11. 2026; drugega ponovnega vklopa ni. Informacije:"
                + " 070 700 700.", net.dial(POSTPAID, "*126*2#"), "one reactivation a cut");
        clock.advance(Duration.ofDays(3));
        assertEquals("{\"result\":\"paid_in_full\"}", post("accounts/payment", "{\"msisdn\":\"" + POSTPAID + "\",\"amount\":\"45.20\"}"));
        clock.advance(Duration.ofDays(5));
        assertEquals(ALLOWED, ask("data"));
        assertEquals(0, net.gateway.engine().events().sweepAccounts());
        net.noOutboxSms();
    }

    @Test
    void aReactivationUnpaidAfterTheFifthDayIsCutAgainWithOneSms() throws Exception {
        cutWithDebt();
        net.dial(POSTPAID, "*126*2#");
        clock.setTo(Instant.parse("2026-11-27T22:59:00Z")); // 23:59 on the 27th in Ljubljana: day five
        assertEquals(ALLOWED, ask("data"));
        assertEquals(0, net.gateway.engine().events().sweepAccounts());
        clock.advance(Duration.ofMinutes(2)); // 00:01 on the 28th
        assertEquals(SUSPENDED, ask("data"));
        assertEquals(1, net.gateway.engine().events().sweepAccounts());
        var sms = net.outboxSms();
        assertEquals(POSTPAID_INTL, sms.getDestAddress());
        assertEquals("Zapadle obveznosti (45,20 EUR) niso poravnane, zato so vaše storitve znova izklopljene. Po plačilu"
                + " bodo vklopljene.", TestPeer.textOf(sms));
        assertEquals(0, net.gateway.engine().events().sweepAccounts(), "told once");
        // The outbox sends at least once: a stop before the SMSC's answer reaches it sends the SMS again.
        for (int i = 0; i < 500 && net.gateway.store().size(org.starhash.gateway.store.Outbox.TABLE) > 0; i++) {
            Thread.sleep(10);
        }
        net.close();
        net = new ServicesFixture(AdminApi.config(dir.resolve("config")), dir.resolve("data"), clock);
        assertEquals(0, net.gateway.engine().events().sweepAccounts(), "told once, also after a restart");
        net.noOutboxSms();
        assertTrue(net.dial(POSTPAID, "*126*2#").startsWith("Storitve so bile ponovno vklopljene do 27. 11. 2026"));
        assertEquals(SUSPENDED, ask("data"));
        assertEquals("{\"result\":\"suspended\"}", post("accounts/suspend", "{\"msisdn\":\"" + POSTPAID + "\"}"),
                "a new cut by billing allows a new reactivation");
        assertTrue(net.dial(POSTPAID, "*126*2#").startsWith("Storitve so ponovno vklopljene."));
    }

    @Test
    void badReportsAreRefusedByField() throws Exception {
        String[][] cases = {
                {"accounts/debt", "{\"msisdn\":\"" + POSTPAID + "\",\"overdue\":\"-1.00\"}", "below zero"},
                {"accounts/debt", "{\"msisdn\":\"" + POSTPAID + "\"}", "\\\"overdue\\\" (a non-empty string) is required"},
                {"accounts/payment", "{\"msisdn\":\"" + POSTPAID + "\",\"amount\":\"0\"}", "more than 0.00"},
                {"accounts/payment", "{\"msisdn\":\"" + POSTPAID + "\",\"amount\":\"99999999999999999999\"}", "is not an amount in euros"},
                {"accounts/debt", "{\"msisdn\":\"" + POSTPAID + "\",\"overdue\":\"1000000.01\"}", "more than 1000000 EUR"},
                {"accounts/suspend", "{\"msisdn\":\"" + POSTPAID + "\",\"why\":\"debt\"}", "not a field of a suspension"},
        };
        for (String[] c : cases) {
            HttpResponse<String> r = AdminApi.post(net.gateway, c[0], c[1], AdminApi.TOKEN);
            assertEquals(400, r.statusCode(), c[1] + " -> " + r.body());
            assertTrue(r.body().contains(c[2]), c[1] + " -> " + r.body());
        }
        assertEquals(404, AdminApi.post(net.gateway, "accounts/suspend", "{\"msisdn\":\"070999999\"}", AdminApi.TOKEN).statusCode());
    }
}
