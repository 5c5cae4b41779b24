package org.starhash.gateway;

import org.jsmpp.bean.DeliverSm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.starhash.gateway.ServicesFixture.POSTPAID;
import static org.starhash.gateway.ServicesFixture.POSTPAID_INTL;
import static org.starhash.gateway.ServicesFixture.PREPAID_INTL;

/** SMS zgrešeni klic: the network reports missed calls and reachability through the admin API; SMS go by the outbox. */
class MissedCallEndToEndTest {

    @TempDir
    Path data;
    private ServicesFixture net;

    @BeforeEach
    void start() throws Exception {
        net = new ServicesFixture(AdminApi.config(data.resolve("config")), data.resolve("data"), TestGateway.CLOCK);
    }

    @AfterEach
    void stop() throws Exception {
        net.close();
    }

    private String event(String path, String json) throws Exception {
        HttpResponse<String> r = AdminApi.post(net.gateway, path, json, AdminApi.TOKEN);
        assertEquals(200, r.statusCode(), r.body());
        return r.body().strip();
    }

    private String missed(String callee, String caller) throws Exception {
        return event("events/missed-call", "{\"callee\":\"" + callee + "\",\"caller\":\"" + caller + "\"}");
    }

    private String reachable(String msisdn) throws Exception {
        return event("events/reachable", "{\"msisdn\":\"" + msisdn + "\"}");
    }

    @Test
    void oneCallerIsToldFromTheCallersOwnNumber() throws Exception {
        net.dial(POSTPAID, "*122*1*2*1#");
        assertEquals("{\"result\":\"kept\"}", missed(POSTPAID, "070000001"));
        assertEquals("{\"result\":\"kept\"}", missed(POSTPAID, "+38670000001"));
        net.noOutboxSms();
        assertEquals("{\"result\":\"sent\"}", reachable(POSTPAID));
        DeliverSm sms = net.outboxSms();
        assertEquals(PREPAID_INTL, sms.getSourceAddr());
        assertEquals(POSTPAID_INTL, sms.getDestAddress());
        assertEquals("Zgrešeni klic: 2x, nazadnje ob 11:00.", TestPeer.textOf(sms));
        assertEquals("{\"result\":\"none\"}", reachable(POSTPAID), "the list is emptied once told");
    }

    @Test
    void severalCallersAreListedInOneSmsFromTheOperatorsNumber() throws Exception {
        net.dial(POSTPAID, "*122*1*2*1#");
        missed(POSTPAID, "070000001");
        missed(POSTPAID, "070000002");
        missed(POSTPAID, "070000001");
        assertEquals("{\"result\":\"hidden_number\"}",
                event("events/missed-call", "{\"callee\":\"041000001\",\"hidden\":true}"));
        reachable(POSTPAID);
        DeliverSm sms = net.outboxSms();
        assertEquals("7070", sms.getSourceAddr());
        assertEquals("Ko niste bili dosegljivi, so vas klicali: 070000001 (2x) 11:00, 070000002 11:00.",
                TestPeer.textOf(sms));
    }

    @Test
    void nothingIsKeptWithTheServiceOffOrWhileForwardingWhenUnreachable() throws Exception {
        assertEquals("{\"result\":\"service_off\"}", missed(POSTPAID, "070000001"));
        net.dial(POSTPAID, "*122*1*2*1#");
        net.dial(POSTPAID, "**62*070000002#");
        assertEquals("{\"result\":\"forwarded\"}", missed(POSTPAID, "070000001"));
        assertEquals("{\"result\":\"none\"}", reachable(POSTPAID));
        net.noOutboxSms();
    }

    @Test
    void badAdminRequestsGetClearAnswers() throws Exception {
        HttpResponse<String> r = AdminApi.post(net.gateway, "events/reachable", "{\"msisdn\":\"041000001\"}", null);
        assertEquals(403, r.statusCode());
        r = AdminApi.post(net.gateway, "events/reachable", "{\"msisdn\":\"041000001\"}", "wrong-token-0123456789");
        assertEquals(403, r.statusCode());
        r = AdminApi.post(net.gateway, "events/unknown", "{}", AdminApi.TOKEN);
        assertEquals(404, r.statusCode());
        assertTrue(r.body().contains("/admin/events/missed-call"), r.body());
        r = AdminApi.post(net.gateway, "events/reachable", "{not json", AdminApi.TOKEN);
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("not a JSON object"), r.body());
        r = AdminApi.post(net.gateway, "events/missed-call", "{\"callee\":\"041000001\"}", AdminApi.TOKEN);
        assertEquals(400, r.statusCode());
        assertEquals("{\"error\":\"the field \\\"caller\\\" (a phone number as a string) is required\"}", r.body().strip());
        r = AdminApi.post(net.gateway, "events/reachable", "{\"msisdn\":\"12\"}", AdminApi.TOKEN);
        assertEquals(400, r.statusCode());
        r = AdminApi.post(net.gateway, "events/reachable", "{\"msisdn\":\"070999999\"}", AdminApi.TOKEN);
        assertEquals(404, r.statusCode());
        assertTrue(r.body().contains("not a subscriber"), r.body());
    }

    @Test
    void theAdminApiIsOffWithoutAToken() throws Exception {
        try (ServicesFixture shipped = ServicesFixture.shipped(data.resolve("shipped"))) {
            HttpResponse<String> r = AdminApi.post(shipped.gateway, "events/reachable", "{\"msisdn\":\"041000001\"}",
                    "anything-at-all-0123456789");
            assertEquals(404, r.statusCode());
            assertTrue(r.body().contains("set http.admin_token"), r.body());
        }
    }
}
