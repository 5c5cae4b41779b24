package org.starhash.gateway.http;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.starhash.gateway.config.HttpSettings;
import org.starhash.gateway.config.Secrets;
import org.starhash.gateway.engine.Channel;
import org.starhash.gateway.engine.Engine;
import org.starhash.gateway.engine.Reply;
import org.starhash.gateway.engine.Request;
import org.starhash.gateway.faults.FaultLog;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * USSD over HTTP in the Africa's Talking convention: {@code POST /ussd} with the form fields sessionId,
 * serviceCode, phoneNumber and text (every answer so far joined by {@code *}); the answer is plain text starting
 * {@code CON } when the dialogue goes on and {@code END } when it ends.
 */
@ChannelHandler.Sharable
final class UssdHttpHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final Logger LOG = LoggerFactory.getLogger(UssdHttpHandler.class);
    static final String PATH = "/ussd";
    static final String TOKEN_HEADER = "X-Starhash-Token";

    private final HttpSettings settings;
    private final Engine engine;

    UssdHttpHandler(HttpSettings settings, Engine engine) {
        this.settings = settings;
        this.engine = engine;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (!request.decoderResult().isSuccess()) {
            if (request.decoderResult().cause() instanceof TooLongHttpHeaderException) {
                respond(ctx, request, HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE,
                        "the request headers are over the limit (http.max_header_bytes)\n");
                return;
            }
            respond(ctx, request, HttpResponseStatus.BAD_REQUEST, "not a valid HTTP request\n");
            return;
        }
        QueryStringDecoder uri = new QueryStringDecoder(request.uri());
        try {
            uri.path();
            uri.parameters();
        } catch (IllegalArgumentException e) {
            LOG.debug("HTTP request from {} refused: {}", ctx.channel().remoteAddress(), e.getMessage());
            respond(ctx, request, HttpResponseStatus.BAD_REQUEST, "bad percent escape in the URL: " + FaultLog.printable(e.getMessage()) + "\n");
            return;
        }
        if (!uri.path().equals(PATH)) {
            respond(ctx, request, HttpResponseStatus.NOT_FOUND, "no such resource; USSD is POST " + PATH + "\n");
            return;
        }
        if (!request.method().equals(HttpMethod.POST)) {
            respond(ctx, request, HttpResponseStatus.METHOD_NOT_ALLOWED, "USSD is POST " + PATH + "\n");
            return;
        }
        if (!authorised(request, uri)) {
            respond(ctx, request, HttpResponseStatus.FORBIDDEN, "wrong or missing token\n");
            return;
        }
        Map<String, String> form;
        try {
            form = Forms.parse(request.content().toString(StandardCharsets.UTF_8));
        } catch (Forms.BadForm e) {
            LOG.debug("USSD request from {} refused: {}", ctx.channel().remoteAddress(), e.getMessage());
            respond(ctx, request, HttpResponseStatus.BAD_REQUEST, e.getMessage() + "\n");
            return;
        }
        String session = form.get("sessionId");
        String code = form.get("serviceCode");
        String phone = form.get("phoneNumber");
        String text = form.get("text");
        if (session == null || code == null || phone == null || text == null) {
            LOG.debug("USSD request from {} refused: a field is missing", ctx.channel().remoteAddress());
            respond(ctx, request, HttpResponseStatus.BAD_REQUEST,
                    "the form fields sessionId, serviceCode and phoneNumber are required, and text (empty at first)\n");
            return;
        }
        CompletableFuture<Reply> reply;
        if (text.isEmpty()) {
            reply = engine.handle(new Request(Channel.USSD, phone, code, code, session));
        } else {
            String[] answers = text.split("\\*", -1);
            reply = engine.answer(new Request(Channel.USSD, phone, code, answers[answers.length - 1], session),
                    answers.length);
        }
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        reply.thenAcceptAsync(r -> {
            if (r.status() == Reply.Status.INVALID_SOURCE) {
                respond(ctx, keepAlive, HttpResponseStatus.BAD_REQUEST, "phoneNumber is not a phone number\n");
            } else {
                respond(ctx, keepAlive, HttpResponseStatus.OK, (r.more() ? "CON " : "END ") + r.text());
            }
        }, ctx.executor());
    }

    private boolean authorised(FullHttpRequest request, QueryStringDecoder uri) {
        if (settings.ussdToken().isEmpty()) {
            return true;
        }
        String given = request.headers().get(TOKEN_HEADER);
        if (given == null) {
            List<String> query = uri.parameters().get("token");
            given = query == null || query.isEmpty() ? "" : query.get(0);
        }
        return Secrets.matches(settings.ussdToken(), given);
    }

    private static void respond(ChannelHandlerContext ctx, FullHttpRequest request, HttpResponseStatus status, String body) {
        Responses.text(ctx, HttpUtil.isKeepAlive(request), status, body);
    }

    private static void respond(ChannelHandlerContext ctx, boolean keepAlive, HttpResponseStatus status, String body) {
        Responses.text(ctx, keepAlive, status, body);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("HTTP connection {} broke: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }
}
