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
import org.starhash.gateway.values.Money;
import org.starhash.gateway.values.AuthorizeQuery;
import org.starhash.gateway.values.UsageEvent;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The admin API under {@code /admin/}: network events (a missed call, a subscriber reachable again, a storm
 * alert), a content provider's new subscription and the operator's barring-PIN reset. Each is a POST of a JSON object with the token in {@code X-Starhash-Token}; the
 * answer is a JSON object saying what was done. Off when no token is configured.
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
    /** Longest string field but a storm alert's text; an MSISDN, a place or a provider is far shorter. */
    static final int MAX_FIELD = 100;
    /** A storm alert's text: with "NEURJE {place}: ... Radar: {link}" about 3 SMS in GSM 7-bit, 6 in UCS-2. */
    static final int MAX_ALERT_TEXT = 300;
    private final ObjectMapper json = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(8).maxStringLength(4096).build())
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    AdminHttpHandler(HttpSettings settings, NetworkEvents events) {
        this.settings = settings;
        this.events = events;
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
            result = dispatch(path, body);
        } catch (BadField e) {
            LOG.debug("admin {} refused: {}", path, e.getMessage());
            Responses.json(ctx, keepAlive, HttpResponseStatus.BAD_REQUEST, error(e.getMessage()));
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
            query = authorizeQuery(body);
        } catch (BadField e) {
            LOG.debug("admin {} refused: {}", AUTHORIZE, e.getMessage());
            Responses.json(ctx, keepAlive, HttpResponseStatus.BAD_REQUEST, error(e.getMessage()));
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
        boolean enabled = true;
        try {
            String msisdn = msisdn(body, "msisdn");
            if (path.equals(OTP_SETTINGS)) {
                onlyFields(body, Set.of("msisdn", "enabled"), "a one-time code setting");
                JsonNode given = body.get("enabled");
                if (given == null || !given.isBoolean()) {
                    throw new BadField("the field \"enabled\" (true or false) is required");
                }
                enabled = given.asBoolean();
                answer = events.otpEnabled(msisdn, enabled);
            } else {
                String purpose = text(body, "purpose");
                if (!NetworkEvents.OTP_PURPOSES.contains(purpose)) {
                    throw new BadField("\"purpose\": '" + purpose + "' is neither login nor link");
                }
                if (path.equals(OTP)) {
                    onlyFields(body, Set.of("msisdn", "purpose"), "a one-time code request");
                    answer = events.requestOtp(msisdn, purpose);
                } else {
                    onlyFields(body, Set.of("msisdn", "purpose", "code"), "a one-time code check");
                    JsonNode code = body.get("code");
                    if (code == null || !code.isTextual() || !code.asText().matches("[0-9]{" + NetworkEvents.OTP_DIGITS + "}")) {
                        throw new BadField("the field \"code\" (the " + NetworkEvents.OTP_DIGITS + " digits of the SMS, as a string) is required");
                    }
                    answer = events.verifyOtp(msisdn, purpose, code.asText());
                }
            }
        } catch (BadField e) {
            // The code is never logged: a bad field's message names the field, not the value, for "code".
            LOG.debug("admin {} refused: {}", path, e.getMessage());
            Responses.json(ctx, keepAlive, HttpResponseStatus.BAD_REQUEST, error(e.getMessage()));
            return;
        }
        boolean shownEnabled = enabled;
        answer.whenCompleteAsync((a, e) -> {
            if (e != null) {
                notDone(ctx, keepAlive, path, e);
            } else if (!a.known()) {
                Responses.json(ctx, keepAlive, HttpResponseStatus.NOT_FOUND, error(a.result()));
            } else {
                ObjectNode json = this.json.createObjectNode().put("result", a.result());
                a.numbers().forEach(json::put);
                if (path.equals(OTP_SETTINGS)) {
                    json.put("enabled", shownEnabled);
                }
                Responses.json(ctx, keepAlive, HttpResponseStatus.OK, json);
            }
        }, ctx.executor());
    }

    /** Refuses a body with a field {@code known} does not name. */
    private static void onlyFields(JsonNode body, Set<String> known, String what) throws BadField {
        for (java.util.Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new BadField("\"" + (name.length() > MAX_FIELD ? name.substring(0, MAX_FIELD) : name) + "\": not a field of " + what);
            }
        }
    }

    private AuthorizeQuery authorizeQuery(JsonNode body) throws BadField {
        String msisdn = msisdn(body, "msisdn");
        String service = text(body, "service");
        if (!AuthorizeQuery.SERVICES.contains(service)) {
            throw new BadField("\"service\": '" + service + "' is none of " + String.join(", ", new java.util.TreeSet<>(AuthorizeQuery.SERVICES)));
        }
        Optional<String> zone = Optional.empty();
        if (service.equals("data_roaming")) {
            String z = text(body, "zone");
            if (!z.equals("eu") && !z.equals("non_eu")) {
                throw new BadField("\"zone\": '" + z + "' is neither eu nor non_eu");
            }
            zone = Optional.of(z);
        }
        Optional<String> roaming = Optional.empty();
        if (body.has("roaming")) {
            String r = text(body, "roaming");
            if (!r.equals("national") && !r.equals("abroad")) {
                throw new BadField("\"roaming\": '" + r + "' is neither national nor abroad");
            }
            roaming = Optional.of(r);
        }
        onlyFields(body, Set.of("msisdn", "service", "zone", "roaming"), "an authorization query");
        return new AuthorizeQuery(msisdn, service, zone, roaming);
    }

    private CompletableFuture<NetworkEvents.Result> dispatch(String path, JsonNode body) throws BadField {
        if (path.equals(MISSED_CALL)) {
            String callee = msisdn(body, "callee");
            boolean hidden = body.path("hidden").asBoolean(false);
            String caller = hidden ? "" : msisdn(body, "caller");
            return events.missedCall(callee, caller, hidden);
        }
        if (path.equals(REACHABLE)) {
            return events.reachable(msisdn(body, "msisdn"));
        }
        if (path.equals(STORM_ALERT)) {
            return events.stormAlert(text(body, "place"), text(body, "text", MAX_ALERT_TEXT));
        }
        if (path.equals(ROAMING)) {
            String msisdn = msisdn(body, "msisdn");
            String country = text(body, "country");
            if (!country.matches("[A-Za-z]{2}")) {
                throw new BadField("\"country\": '" + country + "' is not a two-letter ISO 3166 code such as HR");
            }
            String zone = text(body, "zone");
            if (!zone.equals("eu") && !zone.equals("non_eu")) {
                throw new BadField("\"zone\": '" + zone + "' is neither eu nor non_eu");
            }
            return events.roamingRegistered(msisdn, country.toUpperCase(java.util.Locale.ROOT), zone.equals("eu"));
        }
        if (path.equals(CONTENT)) {
            return events.contentSubscription(msisdn(body, "msisdn"), text(body, "provider"));
        }
        if (path.equals(DEBT)) {
            onlyFields(body, Set.of("msisdn", "overdue"), "a debt report");
            return events.accountDebt(msisdn(body, "msisdn"), euros(body, "overdue"));
        }
        if (path.equals(SUSPEND)) {
            onlyFields(body, Set.of("msisdn"), "a suspension");
            return events.accountSuspended(msisdn(body, "msisdn"));
        }
        if (path.equals(PAYMENT)) {
            onlyFields(body, Set.of("msisdn", "amount"), "a payment");
            String msisdn = msisdn(body, "msisdn");
            long cents = euros(body, "amount");
            if (cents == 0) {
                throw new BadField("\"amount\": a payment is more than 0.00");
            }
            return events.accountPayment(msisdn, cents);
        }
        if (path.equals(E_INVOICE)) {
            onlyFields(body, Set.of("msisdn", "period", "amount", "delivered_to"), "an e-invoice notice");
            String msisdn = msisdn(body, "msisdn");
            String period = text(body, "period");
            java.time.YearMonth month;
            try {
                month = period.matches("[0-9]{4}-[0-9]{2}") ? java.time.YearMonth.parse(period) : null;
            } catch (java.time.format.DateTimeParseException e) {
                month = null;
            }
            if (month == null) {
                throw new BadField("\"period\": '" + period + "' is not a billing month such as 2026-11");
            }
            long cents = euros(body, "amount");
            String to = text(body, "delivered_to");
            if (!to.equals("email") && !to.equals("bank")) {
                throw new BadField("\"delivered_to\": '" + to + "' is neither email nor bank");
            }
            return events.eInvoiceDelivered(msisdn, month, cents, to.equals("bank"));
        }
        return events.resetBarringPin(msisdn(body, "msisdn"));
    }

    /** An amount in euros as a string ("23.10"), not below zero. */
    private static long euros(JsonNode body, String field) throws BadField {
        String amount = text(body, field);
        long cents;
        try {
            cents = Money.parseCents(amount);
        } catch (IllegalArgumentException e) {
            throw new BadField("\"" + field + "\": '" + amount + "' is not an amount in euros such as \"23.10\"");
        }
        if (cents < 0) {
            throw new BadField("\"" + field + "\": '" + amount + "' is below zero");
        }
        return cents;
    }

    private static String text(JsonNode body, String field) throws BadField {
        return text(body, field, MAX_FIELD);
    }

    private static String text(JsonNode body, String field, int max) throws BadField {
        JsonNode value = body.get(field);
        if (value != null && value.isTextual() && value.asText().length() > max) {
            throw new BadField("the field \"" + field + "\" is " + value.asText().length() + " characters; at most " + max);
        }
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new BadField("the field \"" + field + "\" (a non-empty string) is required");
        }
        return value.asText().strip();
    }

    private String msisdn(JsonNode body, String field) throws BadField {
        JsonNode value = body.get(field);
        if (value == null || !value.isTextual()) {
            throw new BadField("the field \"" + field + "\" (a phone number as a string) is required");
        }
        if (value.asText().length() > MAX_FIELD) {
            throw new BadField("the field \"" + field + "\" is " + value.asText().length() + " characters; no phone number is");
        }
        Optional<String> normalized = events.numbering().normalize(value.asText());
        if (normalized.isEmpty()) {
            throw new BadField("\"" + field + "\": '" + value.asText() + "' is not a phone number");
        }
        return normalized.get();
    }

    private ObjectNode error(String message) {
        return json.createObjectNode().put("error", message);
    }

    private boolean authorised(FullHttpRequest request) {
        String given = request.headers().get(UssdHttpHandler.TOKEN_HEADER, "");
        return Secrets.matches(settings.adminToken(), given);
    }

    /** A field of the body that is missing or wrong. */
    private static final class BadField extends Exception {
        BadField(String message) {
            super(message);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("HTTP connection {} broke: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }
}
