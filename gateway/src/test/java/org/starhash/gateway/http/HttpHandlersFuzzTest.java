package org.starhash.gateway.http;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import org.starhash.gateway.FuzzEngine;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Any form or JSON body, to any path, with or without the admin token, through the real HTTP pipeline (codec,
 * aggregator, admin and USSD handlers) over a real engine and store: every request gets one answer, a refusal
 * is a 4xx, and nothing is a 500, a stack trace or an exception out of the pipeline. An input is a first line
 * {@code METHOD PATH TYPE TOKEN} (TYPE {@code form} or {@code json}, TOKEN {@code token} or anything else), then
 * the body.
 */
class HttpHandlersFuzzTest {

    private static final String TOKEN = FuzzEngine.ADMIN_TOKEN;
    private static final HttpServerInitializer PIPELINE = new HttpServerInitializer(FuzzEngine.get().config.http(),
            new AdminHttpHandler(FuzzEngine.get().config.http(), FuzzEngine.get().engine.events()),
            new UssdHttpHandler(FuzzEngine.get().config.http(), FuzzEngine.get().engine),
            new DefaultChannelGroup(GlobalEventExecutor.INSTANCE));

    @FuzzTest(maxDuration = "60s")
    void everyRequestGetsOneAnswerAndNoneIsAServerError(FuzzedDataProvider data) throws Exception {
        byte[] input = data.consumeRemainingAsBytes();
        int newline = 0;
        while (newline < input.length && input[newline] != '\n') {
            newline++;
        }
        String[] first = new String(input, 0, newline, StandardCharsets.ISO_8859_1).split(" ", 4);
        if (first.length < 2 || !first[1].startsWith("/") || first[1].chars().anyMatch(c -> c <= ' ' || c >= 0x7f)
                || !first[0].matches("[A-Z]{1,7}")) {
            return; // not a request line: the codec's own framing is Netty's, fuzzed by Netty
        }
        byte[] body = newline < input.length ? Arrays.copyOfRange(input, newline + 1, input.length) : new byte[0];
        String type = first.length > 2 && first[2].equals("json") ? "application/json" : "application/x-www-form-urlencoded";
        boolean token = first.length > 3 && first[3].equals("token");
        String head = first[0] + " " + first[1] + " HTTP/1.1\r\nHost: fuzz\r\nContent-Type: " + type + "\r\n"
                + (token ? "X-Starhash-Token: " + TOKEN + "\r\n" : "") + "Content-Length: " + body.length + "\r\n\r\n";

        EmbeddedChannel channel = new EmbeddedChannel(PIPELINE);
        try {
            channel.writeInbound(Unpooled.wrappedBuffer(head.getBytes(StandardCharsets.US_ASCII), body));
            String response = awaitResponse(channel);
            assertNotNull(response, "no answer to " + first[0] + " " + first[1]);
            String line = response.substring(0, response.indexOf("\r\n"));
            String status = line.substring(9, 12);
            assertTrue(status.startsWith("2") || status.startsWith("4") || status.equals("503"), line);
            String sent = new String(input, StandardCharsets.ISO_8859_1);
            if (!sent.contains("org.") && !sent.contains("java.")) { // a refusal may quote what was sent
                assertFalse(response.contains("org.starhash") || response.contains("java."), "a stack trace: " + response);
            }
            channel.checkException();
        } finally {
            channel.finishAndReleaseAll();
        }
    }

    /** The first response, once the engine (on the store's writer) has answered; null after 5 s. */
    private static String awaitResponse(EmbeddedChannel channel) throws InterruptedException {
        StringBuilder text = new StringBuilder();
        long until = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < until) {
            channel.runPendingTasks();
            ByteBuf out;
            while ((out = channel.readOutbound()) != null) {
                text.append(out.toString(StandardCharsets.UTF_8));
                out.release();
            }
            if (text.indexOf("\r\n\r\n") >= 0) {
                return text.toString();
            }
            Thread.sleep(0, 200_000);
        }
        return null;
    }
}
