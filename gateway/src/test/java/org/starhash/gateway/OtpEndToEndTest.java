package org.starhash.gateway;

import org.jsmpp.bean.DeliverSm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.starhash.gateway.ServicesFixture.POSTPAID;
import static org.starhash.gateway.ServicesFixture.PREPAID;
import static org.starhash.gateway.ServicesFixture.PREPAID_INTL;

/**
 * One-time codes by SMS over the admin API (seeds 001, 003), the SMS taken by a real SMSC bind: sent, verified
 * once, wrong, locked, expired, resent too soon and too often, disabled; and the e-invoice notice (seed 002) once
 * per period. The clock is moved, never slept on.
 */
class OtpEndToEndTest {

    private static final Pattern CODE = Pattern.compile("prijavo je ([0-9]{6})\\. Velja 5 min\\. Kode ne posredujte nikomur\\.");

    @TempDir
    Path dir;
    private MutableClock clock;
    private ServicesFixture net;

    @BeforeEach
    void start() throws Exception {
        clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
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

    private String request(String msisdn) throws Exception {
        return post("otp", "{\"msisdn\":\"" + msisdn + "\",\"purpose\":\"login\"}");
    }

    private String verify(String msisdn, String code) throws Exception {
        return post("otp/verify", "{\"msisdn\":\"" + msisdn + "\",\"purpose\":\"login\",\"code\":\"" + code + "\"}");
    }

    /** The code of the next SMS, which must be a login code to the prepaid subscriber. */
    private String codeSent() throws Exception {
        DeliverSm sms = net.outboxSms();
        assertEquals(PREPAID_INTL, sms.getDestAddress());
        assertEquals("7070", sms.getSourceAddr());
        String text = TestPeer.textOf(sms);
        Matcher m = CODE.matcher(text);
        assertTrue(m.find(), text);
        return m.group(1);
    }

    private static String wrongOf(String code) {
        return code.equals("000000") ? "000001" : "000000";
    }

    @Test
    void aCodeIsSentAndGoodOnceAlsoAfterARestart() throws Exception {
        assertEquals("{\"result\":\"sent\",\"expires_in\":300}", request(PREPAID));
        String code = codeSent();
        net.close();
        net = new ServicesFixture(AdminApi.config(dir.resolve("config")), dir.resolve("data"), clock);
        assertEquals("{\"result\":\"ok\"}", verify(PREPAID, code), "the key outlives a restart");
        assertEquals("{\"result\":\"expired\"}", verify(PREPAID, code), "a code is spent by its first use");
        Path key = dir.resolve("data").resolve(Gateway.OTP_KEY);
        assertEquals(32, Files.size(key));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        assertEquals("{\"result\":\"expired\"}", post("otp/verify",
                "{\"msisdn\":\"" + PREPAID + "\",\"purpose\":\"link\",\"code\":\"" + code + "\"}"), "no link code was sent");
    }

    @Test
    void wrongCodesCountDownAndTheFifthLocksEvenTheRightOne() throws Exception {
        request(PREPAID);
        String code = codeSent();
        for (int left = 4; left >= 0; left--) {
            assertEquals("{\"result\":\"wrong\",\"attempts_left\":" + left + "}", verify(PREPAID, wrongOf(code)));
        }
        assertEquals("{\"result\":\"locked\"}", verify(PREPAID, code));
        clock.advance(Duration.ofSeconds(30));
        request(PREPAID);
        String next = codeSent();
        assertEquals("{\"result\":\"ok\"}", verify(PREPAID, next), "a new code starts the count again");
    }

    @Test
    void aCodeExpiresAfterFiveMinutes() throws Exception {
        request(PREPAID);
        String code = codeSent();
        clock.advance(Duration.ofSeconds(300));
        clock.advance(Duration.ofMillis(1));
        assertEquals("{\"result\":\"expired\"}", verify(PREPAID, code));
    }

    @Test
    void aResendWaitsThirtySecondsReplacesTheOldCodeAndFiveInTenMinutesAreTheMost() throws Exception {
        request(PREPAID);
        String first = codeSent();
        assertEquals("{\"result\":\"too_soon\",\"retry_after\":30}", request(PREPAID));
        clock.advance(Duration.ofSeconds(10));
        assertEquals("{\"result\":\"too_soon\",\"retry_after\":20}", request(PREPAID));
        net.noOutboxSms();
        clock.advance(Duration.ofSeconds(20));
        assertEquals("{\"result\":\"sent\",\"expires_in\":300}", request(PREPAID));
        String second = codeSent();
        if (!second.equals(first)) {
            assertEquals("{\"result\":\"wrong\",\"attempts_left\":4}", verify(PREPAID, first), "the old code stops working");
        }
        for (int sends = 3; sends <= 5; sends++) {
            clock.advance(Duration.ofSeconds(30));
            assertEquals("{\"result\":\"sent\",\"expires_in\":300}", request(PREPAID));
            codeSent();
        }
        clock.advance(Duration.ofSeconds(30));
        assertEquals("{\"result\":\"too_many\"}", request(PREPAID), "a sixth code within ten minutes");
        net.noOutboxSms();
        clock.advance(Duration.ofMinutes(8)); // the first send is now more than ten minutes old
        assertEquals("{\"result\":\"sent\",\"expires_in\":300}", request(PREPAID));
        assertNotEquals("", codeSent());
    }

    @Test
    void theMainAdministratorSwitchesCodesOffAndOn() throws Exception {
        assertEquals("{\"result\":\"updated\",\"enabled\":false}", post("otp/settings", "{\"msisdn\":\"" + PREPAID + "\",\"enabled\":false}"));
        assertEquals("{\"result\":\"disabled\"}", request(PREPAID));
        net.noOutboxSms();
        assertEquals("{\"result\":\"updated\",\"enabled\":true}", post("otp/settings", "{\"msisdn\":\"" + PREPAID + "\",\"enabled\":true}"));
        assertEquals("{\"result\":\"sent\",\"expires_in\":300}", request(PREPAID));
        codeSent();
    }

    @Test
    void badRequestsAreRefusedByFieldAndAnUnknownNumberIsNotFound() throws Exception {
        String[][] cases = {
                {"otp", "{\"msisdn\":\"" + PREPAID + "\",\"purpose\":\"payment\"}", "neither login nor link"},
                {"otp", "{\"msisdn\":\"" + PREPAID + "\",\"purpose\":\"login\",\"channel\":\"sms\"}", "not a field of a one-time code request"},
                {"otp/verify", "{\"msisdn\":\"" + PREPAID + "\",\"purpose\":\"login\",\"code\":123456}", "the 6 digits of the SMS"},
                {"otp/verify", "{\"msisdn\":\"" + PREPAID + "\",\"purpose\":\"login\",\"code\":\"12345\"}", "the 6 digits of the SMS"},
                {"otp/settings", "{\"msisdn\":\"" + PREPAID + "\",\"enabled\":\"no\"}", "(true or false)"},
                {"events/e-invoice", "{\"msisdn\":\"" + POSTPAID + "\",\"period\":\"2026-13\",\"amount\":\"23.10\",\"delivered_to\":\"email\"}", "not a billing month"},
                {"events/e-invoice", "{\"msisdn\":\"" + POSTPAID + "\",\"period\":\"2026-11\",\"amount\":\"23.10\",\"delivered_to\":\"post\"}", "neither email nor bank"},
                {"events/e-invoice", "{\"msisdn\":\"" + POSTPAID + "\",\"period\":\"2026-11\",\"amount\":\"23.1x\",\"delivered_to\":\"bank\"}", "not an amount"},
        };
        for (String[] c : cases) {
            HttpResponse<String> r = AdminApi.post(net.gateway, c[0], c[1], AdminApi.TOKEN);
            assertEquals(400, r.statusCode(), c[1] + " -> " + r.body());
            assertTrue(r.body().contains(c[2]), c[1] + " -> " + r.body());
        }
        HttpResponse<String> unknown = AdminApi.post(net.gateway, "otp", "{\"msisdn\":\"070999999\",\"purpose\":\"login\"}", AdminApi.TOKEN);
        assertEquals(404, unknown.statusCode(), unknown.body());
        net.noOutboxSms();
    }

    @Test
    void theEInvoiceNoticeGoesOncePerPeriod() throws Exception {
        String nov = "{\"msisdn\":\"" + POSTPAID + "\",\"period\":\"2026-11\",\"amount\":\"23.10\",\"delivered_to\":\"email\"}";
        assertEquals("{\"result\":\"sent\"}", post("events/e-invoice", nov));
        DeliverSm sms = net.outboxSms();
        assertEquals(ServicesFixture.POSTPAID_INTL, sms.getDestAddress());
        assertEquals("Vaš e-račun za 11/2026 v znesku 23,10 EUR je bil dostavljen na vaš e-naslov.", TestPeer.textOf(sms));
        assertEquals("{\"result\":\"duplicate\"}", post("events/e-invoice", nov));
        net.noOutboxSms();
        String dec = "{\"msisdn\":\"" + POSTPAID + "\",\"period\":\"2026-12\",\"amount\":\"19.90\",\"delivered_to\":\"bank\"}";
        assertEquals("{\"result\":\"sent\"}", post("events/e-invoice", dec));
        assertEquals("Vaš e-račun za 12/2026 v znesku 19,90 EUR je bil dostavljen v vašo spletno banko.",
                TestPeer.textOf(net.outboxSms()));
    }
}
