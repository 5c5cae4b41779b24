package org.starhash.gateway.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.ReferenceCountUtil;
import org.starhash.gateway.config.Secrets;

import java.nio.charset.StandardCharsets;

/**
 * How large a body may be, decided on the headers before any of it is buffered: a batch of usage events
 * ({@code POST /admin/usage}, 1,000 events) with the right admin token may take {@link #BATCH_BODY}; every other
 * request {@link #BODY}. A body past its cap gets 413 and the connection is closed, so no peer holds more than
 * its share of memory: the rest of a refused body is dropped as it comes, then the connection is closed.
 */
final class BodyCap extends ChannelInboundHandlerAdapter {

    /** Far more than any USSD form or single admin call. */
    static final int BODY = 64 * 1024;
    /** A batch of 1,000 usage events, with room. */
    static final int BATCH_BODY = 512 * 1024;

    private final String adminToken;
    private long allowed;
    private long seen;
    private boolean refusing;

    BodyCap(String adminToken) {
        this.adminToken = adminToken;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest request) {
            refusing = false;
            seen = 0;
            allowed = batch(request) ? BATCH_BODY : BODY;
            if (declaredLength(request) > allowed) {
                refuse(ctx, msg);
                return;
            }
        }
        if (refusing) {
            // The rest of a refused body is read and dropped, so the client, still sending, gets to read the 413;
            // the request deadline bounds how long that may take.
            boolean last = msg instanceof LastHttpContent;
            ReferenceCountUtil.release(msg);
            if (last) {
                ctx.close();
            }
            return;
        }
        if (msg instanceof HttpContent content) {
            seen += content.content().readableBytes();
            if (seen > allowed) {
                refuse(ctx, msg);
                return;
            }
        }
        ctx.fireChannelRead(msg);
    }

    /** The Content-Length a request declares; -1 for none or one that is not a number, which the codec refuses. */
    private static long declaredLength(HttpRequest request) {
        try {
            return HttpUtil.getContentLength(request, -1L);
        } catch (NumberFormatException notANumber) {
            return -1;
        }
    }

    private boolean batch(HttpRequest request) {
        try {
            return !adminToken.isEmpty() && new QueryStringDecoder(request.uri()).path().equals(AdminHttpHandler.USAGE)
                    && Secrets.matches(adminToken, request.headers().get(UssdHttpHandler.TOKEN_HEADER, ""));
        } catch (IllegalArgumentException badEscape) {
            return false;
        }
    }

    private void refuse(ChannelHandlerContext ctx, Object msg) {
        ReferenceCountUtil.release(msg);
        refusing = true;
        FullHttpResponse tooLarge = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE,
                Unpooled.copiedBuffer("the body is larger than " + allowed / 1024 + " KiB\n", StandardCharsets.UTF_8));
        tooLarge.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8")
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        HttpUtil.setContentLength(tooLarge, tooLarge.content().readableBytes());
        ChannelFuture sent = ctx.writeAndFlush(tooLarge);
        if (msg instanceof LastHttpContent) {
            sent.addListener(ChannelFutureListener.CLOSE);
        }
    }
}
