package org.starhash.gateway.engine;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.starhash.gateway.FuzzEngine;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Any SMS text to any short number, and any USSD string, from any source, through the real engine: routing,
 * every service's keyword and argument parsing, the menus and the store. Each gets one answer a handset can
 * show; none fails inside (which the handset would see as "try later") or leaks a stack trace. An input is a
 * first line {@code SMS|USSD SOURCE TO}, then the text.
 */
class RequestsFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void everyMessageGetsAnAnswerAndNoneFailsInside(FuzzedDataProvider data) throws Exception {
        String input = data.consumeRemainingAsString();
        int newline = input.indexOf('\n');
        String[] first = (newline < 0 ? input : input.substring(0, newline)).split(" ", 3);
        if (first.length < 3 || !(first[0].equals("SMS") || first[0].equals("USSD"))) {
            return;
        }
        String text = newline < 0 ? "" : input.substring(newline + 1);
        Channel channel = first[0].equals("SMS") ? Channel.SMS : Channel.USSD;
        Request request = new Request(channel, first[1], first[2], text, "",
                Math.max(1, text.getBytes(StandardCharsets.UTF_16BE).length / 134 + 1));
        Reply reply = FuzzEngine.get().engine.handle(request).get(10, TimeUnit.SECONDS);
        assertNotEquals(Reply.Status.FAILED, reply.status(), () -> "failed inside: " + request);
        if (reply.status() == Reply.Status.OK) {
            assertFalse(reply.text().isBlank(), () -> "an empty answer to " + request);
        }
        // An answer may quote what the subscriber sent (an unknown code), so only names of our code count.
        if (!input.contains("org.") && !input.contains("java.")) {
            assertFalse(reply.text().contains("org.starhash") || reply.text().contains("java."), reply::text);
        }
    }
}
