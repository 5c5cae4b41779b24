package org.starhash.gateway;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The admin API reads its JSON strictly: trailing tokens, repeated keys, deep nesting and over-long texts get 400. */
class AdminStrictInputEndToEndTest {

    @TempDir
    Path dir;
    private Gateway gateway;

    @BeforeEach
    void start() throws Exception {
        gateway = TestGateway.start(AdminApi.config(dir.resolve("config")), dir.resolve("data"));
    }

    @AfterEach
    void stop() throws Exception {
        gateway.close();
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        return AdminApi.post(gateway, path, json, AdminApi.TOKEN);
    }

    @Test
    void badJsonIsRefusedWithOneLine() throws Exception {
        HttpResponse<String> trailing = post("barring-pin/reset", "{\"msisdn\": \"041000001\"} garbage");
        assertEquals(400, trailing.statusCode(), trailing.body());
        assertTrue(trailing.body().contains("not a JSON object"), trailing.body());
        HttpResponse<String> twice = post("barring-pin/reset", "{\"msisdn\": \"041000001\", \"msisdn\": \"041000002\"}");
        assertEquals(400, twice.statusCode(), twice.body());
        assertTrue(twice.body().contains("Duplicate field 'msisdn'"), twice.body());
        HttpResponse<String> deep = post("barring-pin/reset", "{\"msisdn\": \"041000001\", \"x\": " + "[".repeat(50)
                + "]".repeat(50) + "}");
        assertEquals(400, deep.statusCode(), deep.body());
        HttpResponse<String> long9 = post("barring-pin/reset", "{\"msisdn\": \"" + "9".repeat(500) + "\"}");
        assertEquals(400, long9.statusCode(), long9.body());
        assertTrue(long9.body().contains("500 characters"), long9.body());
        assertEquals(200, post("barring-pin/reset", "{\"msisdn\": \"041000001\"}").statusCode());
    }

    @Test
    void aStormAlertTextIsAtMostAFewSms() throws Exception {
        HttpResponse<String> tooLong = post("events/storm-alert", "{\"place\": \"Žalec\", \"text\": \"" + "t".repeat(301) + "\"}");
        assertEquals(400, tooLong.statusCode(), tooLong.body());
        assertTrue(tooLong.body().contains("at most 300"), tooLong.body());
        HttpResponse<String> fits = post("events/storm-alert", "{\"place\": \"Žalec\", \"text\": \"" + "t".repeat(300) + "\"}");
        assertEquals(200, fits.statusCode(), fits.body());
    }
}
