package org.starhash.gateway;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.starhash.gateway.store.FaultyDisk;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Usage batches at the edges: 1,000 events in one body, and no more; a body past its cap before any of it is
 * buffered (64 KiB, or 512 KiB for a usage batch with the admin token); and a full disk, which counts nothing and
 * answers 503, so the same events count once the disk has room.
 */
class UsageLimitsOfInputTest {

    private static final String PREPAID = "070000001";

    @TempDir
    Path dir;
    private Gateway gateway;

    @AfterEach
    void stop() throws Exception {
        if (gateway != null) {
            gateway.close();
        }
    }

    private static String batch(int events, String prefix) {
        StringBuilder s = new StringBuilder("{\"events\":[");
        for (int i = 0; i < events; i++) {
            s.append(i == 0 ? "" : ",").append("{\"id\":\"").append(prefix).append(i).append("\",\"msisdn\":\"")
                    .append(PREPAID).append("\",\"kind\":\"package\",\"sms\":1}");
        }
        return s.append("]}").toString();
    }

    @Test
    void aThousandEventsInOneBodyCountAndOneMoreIsRefused() throws Exception {
        gateway = Gateway.start(AdminApi.config(dir.resolve("config")).withPorts(0, 0), dir.resolve("data"), TestGateway.CLOCK);
        String thousand = batch(1000, "mediation-2026-11-23-e");
        assertTrue(thousand.length() > 64 * 1024, "a batch of 1,000 is past the cap of other bodies");
        HttpResponse<String> counted = AdminApi.post(gateway, "usage", thousand, AdminApi.TOKEN);
        assertEquals(200, counted.statusCode(), counted.body());
        assertEquals(1000, counted.body().split("\"counted\"").length - 1);
        HttpResponse<String> tooMany = AdminApi.post(gateway, "usage", batch(1001, "f"), AdminApi.TOKEN);
        assertEquals(400, tooMany.statusCode());
        assertEquals("{\"error\":\"events: an array of 1 to 1000 events\"}", tooMany.body().strip());
        assertEquals(413, AdminApi.post(gateway, "usage", thousand, "not-the-token").statusCode(),
                "without the token a body past 64 KiB is not even read");
        assertEquals(413, AdminApi.post(gateway, "events/reachable", thousand, AdminApi.TOKEN).statusCode());
        assertEquals(413, AdminApi.post(gateway, "usage", batch(7000, "mediation-2026-11-23-g"), AdminApi.TOKEN).statusCode(),
                "past 512 KiB");
    }

    @Test
    void aFullDiskCountsNothingAndTheSameEventsCountOnceItHasRoom() throws Exception {
        FaultyDisk disk = new FaultyDisk();
        gateway = Gateway.start(AdminApi.config(dir.resolve("config")).withPorts(0, 0), dir.resolve("data"),
                TestGateway.CLOCK, disk);
        String two = batch(2, "d");
        disk.spaceLeft(0);
        HttpResponse<String> refused = AdminApi.post(gateway, "usage", two, AdminApi.TOKEN);
        assertEquals(503, refused.statusCode(), refused.body());
        assertTrue(refused.body().startsWith("{\"error\":\"not done:"), refused.body());
        disk.heal();
        HttpResponse<String> counted = null;
        for (long deadline = System.currentTimeMillis() + 15_000; System.currentTimeMillis() < deadline; Thread.sleep(100)) {
            counted = AdminApi.post(gateway, "usage", two, AdminApi.TOKEN);
            if (counted.statusCode() == 200) {
                break;
            }
        }
        assertEquals("{\"results\":[{\"id\":\"d0\",\"result\":\"counted\",\"actions\":[]},"
                + "{\"id\":\"d1\",\"result\":\"counted\",\"actions\":[]}]}", counted.body().strip(),
                "nothing of the refused batch was kept, not even its ids");
    }
}
