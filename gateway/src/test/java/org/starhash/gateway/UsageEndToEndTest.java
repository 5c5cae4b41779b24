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
import static org.starhash.gateway.ServicesFixture.PREPAID;
import static org.starhash.gateway.ServicesFixture.PREPAID_INTL;

/**
 * Usage events from the billing system ({@code POST /admin/usage}) against the limits of a month: the roaming
 * data limit and the 090 limit reached exactly at the limit, their SMS sent once through the outbox, GPRS TUJINA
 * after the bar, a new month starting from zero, duplicates counted once across a restart, and a batch with one
 * bad event applying nothing. The clock stands at 2026-11-23; events dated otherwise say so.
 */
class UsageEndToEndTest {

    private static final String EU_BARRED = "Dosegli ste limit prenosa podatkov v tujini (61,00 EUR). Prenos podatkov"
            + " v tujini je zaprt do konca meseca 11/2026. Limit povečate s SMS GPRS TUJINA na 7070.";

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

    private HttpResponse<String> post(String json) throws Exception {
        return AdminApi.post(net.gateway, "usage", json, AdminApi.TOKEN);
    }

    private String counted(String json) throws Exception {
        HttpResponse<String> r = post(json);
        assertEquals(200, r.statusCode(), r.body());
        return r.body().strip();
    }

    private static String roaming(String id, String msisdn, String zone, String amount) {
        return "{\"id\":\"" + id + "\",\"msisdn\":\"" + msisdn + "\",\"kind\":\"data_roaming\",\"zone\":\"" + zone
                + "\",\"amount\":\"" + amount + "\"}";
    }

    private static String result(String id, String result, String actions) {
        return "{\"results\":[{\"id\":\"" + id + "\",\"result\":\"" + result + "\",\"actions\":[" + actions + "]}]}";
    }

    @Test
    void theEuRoamingLimitIsReachedAtSixtyOneEurosNotOneCentBelowAndToldOnce() throws Exception {
        assertEquals(result("r1", "counted", ""), counted(roaming("r1", PREPAID, "eu", "60.99")));
        net.noOutboxSms();
        assertEquals(result("r2", "counted", "\"roaming_barred\""), counted(roaming("r2", PREPAID, "eu", "0.01")));
        DeliverSm told = net.outboxSms();
        assertEquals("7070", told.getSourceAddr());
        assertEquals(PREPAID_INTL, told.getDestAddress());
        assertEquals(EU_BARRED, TestPeer.textOf(told));
        assertEquals(result("r3", "counted", ""), counted(roaming("r3", PREPAID, "eu", "5.00")));
        net.noOutboxSms();
    }

    @Test
    void gprsTujinaAfterTheBarRaisesTheLimitAndTheRaisedLimitIsToldWhenReached() throws Exception {
        counted(roaming("r1", POSTPAID, "eu", "61.00"));
        net.outboxSms();
        assertTrue(net.sms(POSTPAID, "7070", "GPRS TUJINA").startsWith("Limit prenosa podatkov v tujini je za 11/2026 povečan"));
        assertEquals(result("r2", "counted", ""), counted(roaming("r2", POSTPAID, "eu", "149.99")));
        net.noOutboxSms();
        assertEquals(result("r3", "counted", "\"roaming_barred\""), counted(roaming("r3", POSTPAID, "eu", "0.01")));
        assertTrue(TestPeer.textOf(net.outboxSms()).startsWith("Dosegli ste limit prenosa podatkov v tujini (211,00 EUR)."));
    }

    @Test
    void outsideTheEuTheRaiseIsCountedInMegabytesPastTheMoneyLimit() throws Exception {
        counted(roaming("n1", POSTPAID, "non_eu", "100.00"));
        assertTrue(TestPeer.textOf(net.outboxSms()).startsWith("Dosegli ste limit prenosa podatkov izven EU (100,00 EUR)."));
        net.sms(POSTPAID, "7070", "GPRS TUJINA");
        String mb = "{\"id\":\"n%d\",\"msisdn\":\"" + POSTPAID + "\",\"kind\":\"data_roaming\",\"zone\":\"non_eu\","
                + "\"amount\":\"5.00\",\"mb\":%d}";
        assertEquals(result("n2", "counted", ""), counted(String.format(mb, 2, 149)));
        net.noOutboxSms();
        assertEquals(result("n3", "counted", "\"roaming_barred\""), counted(String.format(mb, 3, 1)));
        net.outboxSms();
    }

    @Test
    void aNewMonthStartsFromZeroAndAnOlderMonthIsTooLate() throws Exception {
        counted(roaming("r1", PREPAID, "eu", "61.00"));
        net.outboxSms();
        // 00:30 on 1 December in Ljubljana is still 30 November in UTC: the operator's zone decides the month.
        String december = "{\"id\":\"d1\",\"msisdn\":\"" + PREPAID + "\",\"kind\":\"data_roaming\",\"zone\":\"eu\","
                + "\"amount\":\"60.99\",\"at\":\"2026-11-30T23:30:00Z\"}";
        assertEquals(result("d1", "counted", ""), counted(december), "December counts from zero");
        net.noOutboxSms();
        String late = "{\"id\":\"o1\",\"msisdn\":\"" + PREPAID + "\",\"kind\":\"data_roaming\",\"zone\":\"eu\","
                + "\"amount\":\"1.00\",\"at\":\"2026-10-15T12:00:00Z\"}";
        assertEquals("{\"results\":[{\"id\":\"o1\",\"result\":\"refused\",\"reason\":\"the billing month 2026-10 is closed:"
                + " counters are at 2026-12\",\"actions\":[]}]}", counted(late));
    }

    @Test
    void aDuplicateIdCountsOnceAlsoAfterARestart() throws Exception {
        counted(roaming("same", PREPAID, "eu", "30.00"));
        net.close();
        net = new ServicesFixture(AdminApi.config(dir.resolve("config")), dir.resolve("data"), TestGateway.CLOCK);
        assertEquals(result("same", "duplicate", ""), counted(roaming("same", PREPAID, "eu", "30.00")));
        assertEquals(result("next", "counted", ""), counted(roaming("next", PREPAID, "eu", "30.99")), "60.99 in all");
        net.noOutboxSms();
        assertEquals(result("last", "counted", "\"roaming_barred\""), counted(roaming("last", PREPAID, "eu", "0.01")));
    }

    @Test
    void anIdIsRememberedForKeepIdsDaysThenForgottenAndCountedAgain() throws Exception {
        net.close();
        MutableClock clock = new MutableClock(java.time.Instant.parse("2026-11-23T10:00:00Z"));
        net = new ServicesFixture(AdminApi.config(dir.resolve("config")), dir.resolve("data"), clock);
        counted(roaming("checkpointed", PREPAID, "eu", "1.00"));
        net.close(); // the store's last checkpoint puts the id in its state file
        net = new ServicesFixture(AdminApi.config(dir.resolve("config")), dir.resolve("data"), clock);
        counted(roaming("recent", PREPAID, "eu", "1.00")); // in the journal and the writer's overlay only
        clock.advance(java.time.Duration.ofDays(62));
        assertEquals(0, net.gateway.engine().events().expireUsageIds(), "62 days (services.usage.keep_ids_days) are kept");
        assertEquals(result("checkpointed", "duplicate", ""), counted(roaming("checkpointed", PREPAID, "eu", "1.00")));
        counted(roaming("late", PREPAID, "eu", "1.00"));
        clock.advance(java.time.Duration.ofDays(1));
        assertEquals(2, net.gateway.engine().events().expireUsageIds());
        assertEquals(1, net.gateway.store().size(org.starhash.gateway.store.UsageIds.TABLE), "the id counted on day 62 stays");
        assertEquals(result("late", "duplicate", ""), counted(roaming("late", PREPAID, "eu", "1.00")));
        assertEquals(result("checkpointed", "counted", ""), counted(roaming("checkpointed", PREPAID, "eu", "1.00")),
                "a forgotten id counts again");
        assertEquals(result("recent", "counted", ""), counted(roaming("recent", PREPAID, "eu", "1.00")));
    }

    @Test
    void aBatchWithOneBadEventAppliesNothing() throws Exception {
        HttpResponse<String> bad = post("{\"events\":[" + roaming("b1", PREPAID, "eu", "61.00") + ","
                + roaming("b2", PREPAID, "eu", "12.505") + "]}");
        assertEquals(400, bad.statusCode());
        assertEquals("{\"error\":\"events[1].amount: '12.505' is not an amount in EUR with at most two decimals\"}", bad.body().strip());
        HttpResponse<String> stranger = post("{\"events\":[" + roaming("b1", PREPAID, "eu", "61.00") + ","
                + roaming("b2", "070999999", "eu", "1.00") + "]}");
        assertEquals(400, stranger.statusCode());
        assertEquals("{\"error\":\"events[1].msisdn: 38670999999 is not a subscriber of the network\"}", stranger.body().strip());
        net.noOutboxSms();
        assertEquals(result("b1", "counted", "\"roaming_barred\""), counted(roaming("b1", PREPAID, "eu", "61.00")),
                "b1 was never counted: its id is new and the limit is reached only now");
        for (String body : new String[]{"[]", "{\"events\":[]}", "{\"id\":\"x\",\"msisdn\":\"" + PREPAID + "\",\"kind\":\"sms\"}",
                "{\"id\":\"x\",\"msisdn\":\"" + PREPAID + "\",\"kind\":\"extra_spend\",\"amount\":1}",
                "{\"id\":\"x\",\"msisdn\":\"" + PREPAID + "\",\"kind\":\"extra_spend\",\"amount\":\"1\",\"zone\":\"eu\"}"}) {
            assertEquals(400, post(body).statusCode(), body);
        }
    }

    @Test
    void theNinetyLimitBarsPostpaidAtFiftyEurosAndRefusesCallsInRoaming() throws Exception {
        String call = "{\"id\":\"%s\",\"msisdn\":\"%s\",\"kind\":\"premium\",\"number\":\"090123456\",\"amount\":\"%s\"%s}";
        assertEquals(result("p1", "counted", ""), counted(String.format(call, "p1", POSTPAID, "49.99", "")));
        net.noOutboxSms();
        assertEquals(result("p2", "counted", "\"premium_barred\""), counted(String.format(call, "p2", POSTPAID, "0.01", "")));
        DeliverSm told = net.outboxSms();
        assertEquals(POSTPAID_INTL, told.getDestAddress());
        assertEquals("Dosegli ste mesečni limit porabe za klice na številke 090 (50,00 EUR). Klici na številke 090 so"
                + " zaprti do konca meseca 11/2026.", TestPeer.textOf(told));
        assertEquals("{\"results\":[{\"id\":\"p3\",\"result\":\"refused\",\"reason\":\"the subscriber barred 090"
                + " numbers (bar_premium)\",\"actions\":[]}]}", counted(String.format(call, "p3", PREPAID, "1.00", "")),
                "prepaid users have 090 barred until they switch it off");
        net.dial(PREPAID, "*121*1*2#");
        assertEquals(result("p5", "counted", ""), counted(String.format(call, "p5", PREPAID, "80.00", "")),
                "prepaid users are not limited");
        net.noOutboxSms();
        assertEquals("{\"results\":[{\"id\":\"p4\",\"result\":\"refused\",\"reason\":\"090 calls are not possible in"
                + " national roaming or abroad (abroad)\",\"actions\":[]}]}",
                counted(String.format(call, "p4", PREPAID, "1.00", ",\"roaming\":\"abroad\"")));
    }

    @Test
    void extraSpendGoesOnThePostpaidBillOrComesFromThePrepaidBalance() throws Exception {
        String spend = "{\"id\":\"%s\",\"msisdn\":\"%s\",\"kind\":\"extra_spend\",\"amount\":\"%s\"}";
        counted(String.format(spend, "s1", POSTPAID, "2.50"));
        assertEquals("Vaša informativna dodatna poraba v mesecu 11/2026 je 9,85 EUR.", net.sms(POSTPAID, "7070", "PORABA"));
        counted(String.format(spend, "s2", PREPAID, "2.50"));
        assertEquals(1000, net.subscriber(PREPAID_INTL).balanceCents());
        assertEquals("{\"results\":[{\"id\":\"s3\",\"result\":\"refused\",\"reason\":\"the balance (10,00 EUR) does not"
                + " cover 20,00 EUR\",\"actions\":[]}]}", counted(String.format(spend, "s3", PREPAID, "20.00")));
        counted("{\"id\":\"u1\",\"msisdn\":\"" + POSTPAID + "\",\"kind\":\"package\",\"minutes\":10,\"sms\":3,\"mb\":100}");
        org.starhash.gateway.store.Units used = net.subscriber(POSTPAID_INTL).used();
        assertEquals(new org.starhash.gateway.store.Units(260, 124, 3172), used, "120 + 3, and PORABA's own MO");
    }

    @Test
    void theExtraSpendAlertIsSetByLimitAndToldOnceAThreshold() throws Exception {
        assertEquals("SMS limit dodatne porabe je izklopljen. Vklop: LIMIT VKLOP ali LIMIT ZNESEK, na primer LIMIT 60.",
                net.sms(POSTPAID, "7070", "LIMIT"));
        assertEquals("SMS limit dodatne porabe je na voljo naročnikom. Kot uporabnik Mobi nimate dodatne porabe.",
                net.sms(PREPAID, "7070", "limit vklop"));
        String spend = "{\"id\":\"%s\",\"msisdn\":\"" + POSTPAID + "\",\"kind\":\"extra_spend\",\"amount\":\"%s\"}";
        counted(String.format(spend, "a0", "40.00"));
        net.noOutboxSms(); // off until switched on: 7.35 + 40.00 tells nothing
        assertEquals("SMS limit dodatne porabe je vklopljen pri 60,00 EUR. Ko ga dodatna poraba doseže, vas obvestimo s SMS.",
                net.sms(POSTPAID, "7070", "LIMIT 60"));
        assertEquals("SMS limit dodatne porabe je vklopljen pri 60,00 EUR. Izklop: LIMIT IZKLOP.", net.sms(POSTPAID, "7070", "Limit"));
        // 7.35 from the seed and 40.00 above (the SMS to 7070 come from the package): 47.35 so far.
        assertEquals(result("a1", "counted", ""), counted(String.format(spend, "a1", "12.64")));
        net.noOutboxSms();
        assertEquals(result("a2", "counted", "\"spend_alert\""), counted(String.format(spend, "a2", "0.01")));
        assertEquals("Vaša dodatna poraba v mesecu 11/2026 je dosegla 60,00 EUR (vaš limit je 60,00 EUR). Limit spremenite"
                + " s SMS LIMIT ZNESEK na 7070.", TestPeer.textOf(net.outboxSms()));
        assertEquals(result("a3", "counted", ""), counted(String.format(spend, "a3", "5.00")), "once a threshold");
        net.noOutboxSms();
        net.sms(POSTPAID, "7070", "LIMIT 70");
        counted(String.format(spend, "a4", "4.99"));
        assertEquals(result("a5", "counted", "\"spend_alert\""), counted(String.format(spend, "a5", "0.01")),
                "a raised threshold crossed later alerts again");
        net.outboxSms();
        assertEquals("Pošljite LIMIT, LIMIT VKLOP, LIMIT IZKLOP ali LIMIT ZNESEK v celih evrih od 1 do 10000.",
                net.sms(POSTPAID, "7070", "LIMIT 10001"));
        assertEquals("SMS limit dodatne porabe je vklopljen pri 40,00 EUR. Ko ga dodatna poraba doseže, vas obvestimo s SMS.",
                net.sms(POSTPAID, "7070", "LIMIT VKLOP"));
        assertEquals("SMS limit dodatne porabe je izklopljen.", net.sms(POSTPAID, "7070", "LIMIT IZKLOP"));
    }

    @Test
    void aSubscriberInAForeignNetworkGetsItsZonesPricesOnceACountryADay() throws Exception {
        String hr = "{\"msisdn\":\"" + PREPAID + "\",\"country\":\"hr\",\"zone\":\"eu\"}";
        HttpResponse<String> first = AdminApi.post(net.gateway, "events/roaming", hr, AdminApi.TOKEN);
        assertEquals("{\"result\":\"sent\"}", first.body().strip());
        DeliverSm sms = net.outboxSms();
        assertEquals(PREPAID_INTL, sms.getDestAddress());
        assertEquals("Dobrodošli v omrežju države HR. Klici in SMS po cenah doma, prenos podatkov v okviru paketa"
                + " (Evrotarifa). Limit prenosa podatkov v tujini ta mesec: 61,00 EUR.", TestPeer.textOf(sms));
        assertEquals("{\"result\":\"already_today\"}", AdminApi.post(net.gateway, "events/roaming", hr, AdminApi.TOKEN).body().strip());
        net.noOutboxSms();
        String rs = "{\"msisdn\":\"" + PREPAID + "\",\"country\":\"RS\",\"zone\":\"non_eu\"}";
        assertEquals("{\"result\":\"sent\"}", AdminApi.post(net.gateway, "events/roaming", rs, AdminApi.TOKEN).body().strip());
        assertEquals("Dobrodošli v omrežju države RS. Klic 1,99 EUR/min, prejeti klic 0,99 EUR/min, SMS 0,49 EUR, prenos"
                + " podatkov 9,99 EUR/MB. Limit prenosa podatkov v tujini ta mesec: 100,00 EUR.", TestPeer.textOf(net.outboxSms()));
        HttpResponse<String> bad = AdminApi.post(net.gateway, "events/roaming",
                "{\"msisdn\":\"" + PREPAID + "\",\"country\":\"Croatia\",\"zone\":\"eu\"}", AdminApi.TOKEN);
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("not a two-letter ISO 3166 code"), bad.body());
    }
}
