package org.starhash.gateway.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.timeout.IdleStateEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Closes a connection whose request has not wholly arrived, headers and body, within the request timeout of its
 * first byte (a slow-loris peer trickling a header a byte at a time), and one that stays idle between requests
 * past the idle timeout. Every request is answered, so the answer ends its deadline.
 */
final class RequestDeadline extends ChannelDuplexHandler {

    private static final Logger LOG = LoggerFactory.getLogger(RequestDeadline.class);

    private final long timeoutMillis;
    private ScheduledFuture<?> deadline;

    RequestDeadline(long timeoutMillis) {
        this.timeoutMillis = timeoutMillis;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (deadline == null && msg instanceof ByteBuf bytes && bytes.isReadable()) {
            deadline = ctx.executor().schedule(() -> {
                LOG.debug("HTTP request from {} did not arrive within {} ms; closing", ctx.channel().remoteAddress(),
                        timeoutMillis);
                ctx.close();
            }, timeoutMillis, TimeUnit.MILLISECONDS);
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        cancel();
        ctx.write(msg, promise);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent) {
            LOG.debug("HTTP connection from {} idle; closing", ctx.channel().remoteAddress());
            ctx.close();
            return;
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        cancel();
        ctx.fireChannelInactive();
    }

    private void cancel() {
        if (deadline != null) {
            deadline.cancel(false);
            deadline = null;
        }
    }
}
