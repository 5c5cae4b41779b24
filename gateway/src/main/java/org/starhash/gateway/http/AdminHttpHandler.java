package org.starhash.gateway.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.buffer.ByteBufInputStream;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.starhash.gateway.config.HttpSettings;
import org.starhash.gateway.config.Secrets;
import org.starhash.gateway.engine.NetworkEvents;
import org.starhash.gateway.values.AuthorizeQuery;
import org.starhash.gateway.values.UsageEvent;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The admin API under {@code /admin/}: the network's events and questions (missed calls, reachability, roaming,
 * usage, authorization), billing's reports (accounts, e-invoices), one-time codes, storm alerts, content
 * subscriptions and the barring-PIN reset. Each is a POST of a JSON object with the token in
 * {@code X-Starhash-Token}; the answer is a JSON object saying what was done. Off when no token is configured. The
 * HTTP is here; what each body asks for is {@link AdminCalls}', its fields {@link AdminFields}'.
 */
@ChannelHandler.Sharable
final class AdminHttpHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final Logger LOG = LoggerFactory.getLogger(AdminHttpHandler.class);
    static final String PREFIX = "/admin/";
    static final String MISSED_CALL = PREFIX + "events/missed-call";
    static final String REACHABLE = PREFIX + "events/reachable";
    static final String PIN_RESET = PREFIX + "barring-pin/reset";
    static final String STORM_ALERT = PREFIX + "events/storm-alert";
    static final String CONTENT = PREFIX + "content-subscriptions";
    static final String USAGE = PREFIX + "usage";
    static final String AUTHORIZE = PREFIX + "authorize";
    static final String ROAMING = PREFIX + "events/roaming";
    static final String OTP = PREFIX + "otp";
    static final String OTP_VERIFY = PREFIX + "otp/verify";
    static final String OTP_SETTINGS = PREFIX + "otp/settings";
    static final String E_INVOICE = PREFIX + "events/e-invoice";
    static final String DEBT = PREFIX + "accounts/debt";
    static final String SUSPEND = PREFIX + "accounts/suspend";
    static final String PAYMENT = PREFIX + "accounts/payment";
    private static final List<String> PATHS = List.of(MISSED_CALL, REACHABLE, STORM_ALERT, PIN_RESET, CONTENT, USAGE,
            AUTHORIZE, ROAMING, OTP, OTP_VERIFY, OTP_SETTINGS, E_INVOICE, DEBT, SUSPEND, PAYMENT);

    private final HttpSettings settings;
    private final NetworkEvents events;
    private final AdminCalls calls;
    private final ObjectMapper json = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(8).maxStringLength(4096).build())
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    AdminHttpHandler(HttpSettings settings, NetworkEvents events) {
        this.settings = settings;
        this.events = events;
        this.calls = new AdminCalls(events);
    }

    /** Takes only requests under {@code /admin/}; the rest go on down the pipeline. */
    @Override
    public boolean acceptInboundMessage(Object msg) {
        // A request that did not decode, or whose path has a bad percent escape, is answered by the USSD
        // handler, which refuses it.
        if (!(msg instanceof FullHttpRequest r) || !r.decoderResult().isSuccess()) {
            return false;
        }
        try {
            return new QueryStringDecoder(r.uri()).path().startsWith(PREFIX);
        } catch (IllegalArgumentException badEscape) {
            return false;
        }
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        String path = new QueryStringDecoder(request.uri()).path();
        if (settings.adminToken().isEmpty()) {
            Responses.json(ctx, keepAlive, HttpResponseStatus.NOT_FOUND, error("the admin API is off; set http.admin_token"));
            return;
        }
        if (!authorised(request)) {
            Responses.json(ctx, keepAlive, HttpResponseStatus.FORBIDDEN, error("wrong or missing X-Starhash-Token"));
            return;
        }
        if (!PATHS.contains(path)) {
            Responses.json(ctx, keepAlive, HttpResponseStatus.NOT_FOUND,
                    error("no such admin resource; known: " + String.join(", ", PATHS)));
            return;
        }
        if (!request.method().equals(HttpMethod.POST)) {
            Responses.json(ctx, keepAlive, HttpResponseStatus.METHOD_NOT_ALLOWED, error("use POST with a JSON body"));
            return;
        }
        JsonNode body;
        try {
            body = json.readTree(new ByteBufInputStream(request.content()));
        } catch (IOException e) {
            String why = "the body is not a JSON object: " + e.getMessage().lines().findFirst().orElse("");
            LOG.debug("admin {} refused: {}", path, why);
            Responses.json(ctx, keepAlive, HttpResponseStatus.BAD_REQUEST, error(why));
            return;
        }
        if (path.equals(USAGE)) {
            usage(ctx, keepAlive, body);
            return;
        }
        if (path.equals(AUTHORIZE)) {
            authorize(ctx, keepAlive, body);
            return;
        }
        if (path.equals(OTP) || path.equals(OTP_VERIFY) || path.equals(OTP_SETTINGS)) {
            otp(ctx, keepAlive, path, body);
            return;
        }
        CompletableFuture<NetworkEvents.Result> result;
        try {
            result = calls.event(path, body);
        } catch (AdminFields.Bad e) {
            refused(ctx, keepAlive, path, e);
            return;
        }
        result.whenCompleteAsync((r, e) -> {
            if (e != null) {
                notDone(ctx, keepAlive, path, e);
            } else if (!r.known()) {
                Responses.json(ctx, keepAlive, HttpResponseStatus.NOT_FOUND, error(r.result()));
            } else {
                ObjectNode answer = json.createObjectNode().put("result", r.result());
                if (r.count() >= 0) {
                    answer.put("recipients", r.count());
                }
                Responses.json(ctx, keepAlive, HttpResponseStatus.OK, answer);
            }
        }, ctx.executor());
    }

    /** A call the store could not do: one line, no stack trace, since under a store fault every admin call fails alike. */
    private void notDone(ChannelHandlerContext ctx, boolean keepAlive, String path, Throwable e) {
        LOG.warn("admin {} not done: {}", path, e.getCause() != null ? e.getCause().toString() : e.toString());
        Responses.json(ctx, keepAlive, HttpResponseStatus.SERVICE_UNAVAILABLE, error("not done: " + e.getMessage()));
    }

    /** {@code POST /admin/usage}: a batch counted in one transaction, durable before the answer. */
    private void usage(ChannelHandlerContext ctx, boolean keepAlive, JsonNode body) {
        List<UsageEvent> batch;
        try {
            batch = UsageJson.events(body, events.numbering(), events.now());
        } catch (UsageJson.Bad e) {
            LOG.debug("admin {} refused: {}", USAGE, e.getMessage());
            Responses.json(ctx, keepAlive, HttpResponseStatus.BAD_REQUEST, error(e.getMessage()));
            return;
        }
        events.usage(batch).whenCompleteAsync((counted, e) -> {
            if (e != null) {
                notDone(ctx, keepAlive, USAGE, e);
            } else if (counted.refusal().isPresent()) {
                Responses.json(ctx, keepAlive, HttpResponseStatus.BAD_REQUEST, error(counted.refusal().get()));
            } else {
                Responses.json(ctx, keepAlive, HttpResponseStatus.OK, UsageJson.answer(counted, json.createObjectNode()));
            }
        }, ctx.executor());
    }

    /** {@code POST /admin/authorize}: a read, answered {@code {"allowed": ...}}. */
    private void authorize(ChannelHandlerContext ctx, boolean keepAlive, JsonNode body) {
        AuthorizeQuery query;
        try {
            query = calls.authorizeQuery(body);
        } catch (AdminFields.Bad e) {
            refused(ctx, keepAlive, AUTHORIZE, e);
            return;
        }
        events.authorize(query).whenCompleteAsync((answer, e) -> {
            if (e != null) {
                notDone(ctx, keepAlive, AUTHORIZE, e);
            } else if (!answer.known()) {
                Responses.json(ctx, keepAlive, HttpResponseStatus.NOT_FOUND, error("not a subscriber of the network"));
            } else {
                ObjectNode allowed = json.createObjectNode().put("allowed", answer.refusal().isEmpty());
                answer.refusal().ifPresent(reason -> allowed.put("reason", reason));
                Responses.json(ctx, keepAlive, HttpResponseStatus.OK, allowed);
            }
        }, ctx.executor());
    }

    /** {@code POST /admin/otp}, {@code /admin/otp/verify}, {@code /admin/otp/settings}: one-time codes by SMS. */
    private void otp(ChannelHandlerContext ctx, boolean keepAlive, String path, JsonNode body) {
        CompletableFuture<NetworkEvents.Answer> answer;
        try {
            answer = calls.otp(path, body);
        } catch (AdminFields.Bad e) {
            refused(ctx, keepAlive, path, e);
            return;
        }
        answer.whenCompleteAsync((a, e) -> {
            if (e != null) {
                notDone(ctx, keepAlive, path, e);
            } else if (!a.known()) {
                Responses.json(ctx, keepAlive, HttpResponseStatus.NOT_FOUND, error(a.result()));
            } else {
                ObjectNode json = this.json.createObjectNode().put("result", a.result());
                a.numbers().forEach(json::put);
                if (path.equals(OTP_SETTINGS)) {
                    json.put("enabled", body.get("enabled").asBoolean()); // checked by calls.otp
                }
                Responses.json(ctx, keepAlive, HttpResponseStatus.OK, json);
            }
        }, ctx.executor());
    }

    /** A body with a bad field: 400 with the field's message (which never echoes a one-time code). */
    private void refused(ChannelHandlerContext ctx, boolean keepAlive, String path, AdminFields.Bad e) {
        LOG.debug("admin {} refused: {}", path, e.getMessage());
        Responses.json(ctx, keepAlive, HttpResponseStatus.BAD_REQUEST, error(e.getMessage()));
    }

    private ObjectNode error(String message) {
        return json.createObjectNode().put("error", message);
    }

    private boolean authorised(FullHttpRequest request) {
        String given = request.headers().get(UssdHttpHandler.TOKEN_HEADER, "");
        return Secrets.matches(settings.adminToken(), given);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("HTTP connection {} broke: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }
}
