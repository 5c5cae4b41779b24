package org.starhash.gateway;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.starhash.gateway.store.Flag;
import org.starhash.gateway.store.FlagSet;
import org.starhash.gateway.store.Flags;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** USSD over HTTP (Africa's Talking convention) against a real gateway on loopback with a real store. */
class UssdHttpEndToEndTest {

    @TempDir
    Path data;
    private Gateway gateway;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        gateway = TestGateway.start(data);
    }

    @AfterEach
    void stop() throws IOException {
        gateway.close();
    }

    private HttpResponse<String> post(String path, String form) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + gateway.httpAddress().orElseThrow().getPort() + path);
        return http.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String ussd(String session, String code, String phone, String text) throws Exception {
        HttpResponse<String> response = post("/ussd", "sessionId=" + session + "&serviceCode="
                + URLEncoder.encode(code, StandardCharsets.UTF_8) + "&phoneNumber=" + phone + "&text="
                + URLEncoder.encode(text, StandardCharsets.UTF_8));
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        return response.body();
    }

    @Test
    void walkingStarOneTwoOneOverHttpSetsTheBarringAndShowsIt() throws Exception {
        assertEquals("CON Zapore\n1 Številke 090\n2 Prenos podatkov\n3 Gostovanje v tujini\n98 Več",
                ussd("s1", "*121#", "041000001", ""));
        assertEquals("CON 4 Podatki v gostovanju\n5 Reklamna sporočila\n98 Več\n0 Nazaj",
                ussd("s1", "*121#", "041000001", "98"));
        assertEquals("CON Zapora reklamnih sporočil: izklopljeno\n1 Vklop\n2 Izklop\n0 Nazaj",
                ussd("s1", "*121#", "041000001", "98*5"));
        assertEquals("END Zapora prejemanja reklamnih sporočil je vklopljena.",
                ussd("s1", "*121#", "041000001", "98*5*1"));
        FlagSet flags = gateway.store().read(Flags.TABLE, "38641000001").orElseThrow();
        assertTrue(flags.has(Flag.BAR_COMMERCIAL));
        assertEquals("CON Zapora reklamnih sporočil: vklopljeno\n1 Vklop\n2 Izklop\n0 Nazaj",
                ussd("s2", "*121*5#", "041000001", ""), "a chained service code walks the menu too");
    }

    @Test
    void starOneTwoTwoOverHttpWithAWrongChoiceAndBack() throws Exception {
        assertEquals("CON Nastavitve\n1 SMS sporočila", ussd("h1", "*122#", "070000001", ""));
        assertEquals("CON Napačna izbira.\n1 SMS sporočila", ussd("h1", "*122#", "070000001", "4"));
        assertEquals("CON SMS sporočila\n1 Pokliči nazaj\n2 Zgrešeni klic\n0 Nazaj",
                ussd("h1", "*122#", "070000001", "4*1"));
        assertEquals("CON Nastavitve\n1 SMS sporočila", ussd("h1", "*122#", "070000001", "4*1*0"));
        assertEquals("CON SMS sporočila\n1 Pokliči nazaj\n2 Zgrešeni klic\n0 Nazaj",
                ussd("h1", "*122#", "070000001", "4*1*0*1"));
        assertEquals("CON Blokada sporočil Pokliči nazaj: izklopljeno\n1 Vklop\n2 Izklop\n0 Nazaj",
                ussd("h1", "*122#", "070000001", "4*1*0*1*1"));
        assertEquals("END Blokada je vklopljena. Sporočil \"Prosim, pokliči me!\" ne boste prejemali.",
                ussd("h1", "*122#", "070000001", "4*1*0*1*1*1"));
        assertTrue(gateway.store().read(Flags.TABLE, "38670000001").orElseThrow().has(Flag.CALLBACK_BLOCK));
    }

    @Test
    void anAnswerOfAnotherSessionOrOutOfStepIsExpired() throws Exception {
        ussd("a", "*122#", "041000001", "");
        assertEquals("END Seja je potekla. Prosimo, pokličite kodo znova.", ussd("b", "*122#", "041000001", "1"));
        assertEquals("END Seja je potekla. Prosimo, pokličite kodo znova.", ussd("a", "*122#", "041000001", "1*2"),
                "two answers at once where one was expected");
    }

    @Test
    void builtInCodesAndBadCodesEndAtOnce() throws Exception {
        assertEquals("END Stanje na vašem računu je 12,50 EUR.", ussd("c", "*123#", "070000001", ""));
        assertEquals("END Koda *999# ne obstaja.", ussd("d", "*999#", "070000001", ""));
    }

    @Test
    void aConfiguredTokenIsRequired() throws Exception {
        var config = TestGateway.editedConfig(data.resolve("config"), yaml -> yaml.replace("ussd_token: \"\"",
                "ussd_token: \"s3cret\""));
        try (Gateway guarded = TestGateway.start(config, data.resolve("guarded"))) {
            String base = "http://127.0.0.1:" + guarded.httpAddress().orElseThrow().getPort() + "/ussd";
            String form = "sessionId=t&serviceCode=*123%23&phoneNumber=070000001&text=";
            HttpResponse<String> without = http.send(HttpRequest.newBuilder(URI.create(base))
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(403, without.statusCode());
            HttpResponse<String> with = http.send(HttpRequest.newBuilder(URI.create(base + "?token=s3cret"))
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals("END Stanje na vašem računu je 12,50 EUR.", with.body());
        }
    }

    @Test
    void badRequestsGetClearAnswers() throws Exception {
        HttpResponse<String> missing = post("/ussd", "text=");
        assertEquals(400, missing.statusCode());
        assertTrue(missing.body().contains("sessionId, serviceCode and phoneNumber are required"), missing.body());
        HttpResponse<String> badPhone = post("/ussd", "sessionId=x&serviceCode=*122%23&phoneNumber=hello&text=");
        assertEquals(400, badPhone.statusCode());
        assertEquals("phoneNumber is not a phone number\n", badPhone.body());
        assertEquals(404, post("/nothing", "").statusCode());
        URI uri = URI.create("http://127.0.0.1:" + gateway.httpAddress().orElseThrow().getPort() + "/ussd");
        assertEquals(405, http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString())
                .statusCode());
    }

    @Test
    void formsAreReadStrictly() throws Exception {
        HttpResponse<String> noText = post("/ussd", "sessionId=x&serviceCode=*123%23&phoneNumber=070000001");
        assertEquals(400, noText.statusCode(), "a request without text was taken as the opening one");
        assertTrue(noText.body().contains("text (empty at first)"), noText.body());
        HttpResponse<String> escape = post("/ussd", "sessionId=%zz&serviceCode=*123%23&phoneNumber=070000001&text=");
        assertEquals(400, escape.statusCode());
        assertTrue(escape.body().startsWith("bad percent escape in the field sessionId"), escape.body());
        HttpResponse<String> twice = post("/ussd", "sessionId=x&serviceCode=*123%23&phoneNumber=070000001&text=&text=1");
        assertEquals(400, twice.statusCode());
        assertEquals("the field text is given twice\n", twice.body());
        try (java.net.Socket raw = new java.net.Socket("127.0.0.1", gateway.httpAddress().orElseThrow().getPort())) {
            raw.setSoTimeout(5_000);
            raw.getOutputStream().write("POST /ussd?token=%zz HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] buf = new byte[2048];
            int n = raw.getInputStream().read(buf);
            String answer = n <= 0 ? "" : new String(buf, 0, n, StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 400") && answer.contains("bad percent escape in the URL"), answer);
        }
        HttpResponse<String> good = post("/ussd", "sessionId=x&serviceCode=*123%23&phoneNumber=070000001&text=");
        assertEquals("END Stanje na vašem računu je 12,50 EUR.", good.body());
    }
}
