package org.starhash.gateway.net;

import io.netty.channel.ChannelConfig;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.starhash.gateway.faults.FaultLog;

import java.util.concurrent.TimeUnit;

/**
 * Sits on a listening socket: a failed accept pauses accepting for a second (else the loop would spin on the
 * same failure) and is logged as a fault, once when it starts, with a count at most once a minute, and once
 * when connections are accepted again.
 */
@ChannelHandler.Sharable
public final class AcceptGuard extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(AcceptGuard.class);
    private static final long PAUSE_MS = 1_000;

    private final FaultLog fault;

    public AcceptGuard(String listener) {
        this.fault = new FaultLog(LOG, "accepting " + listener + " connections (new ones are refused)");
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object child) {
        fault.ok();
        ctx.fireChannelRead(child);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        fault.failed(cause);
        ChannelConfig config = ctx.channel().config();
        if (config.isAutoRead()) {
            config.setAutoRead(false);
            ctx.channel().eventLoop().schedule(() -> config.setAutoRead(true), PAUSE_MS, TimeUnit.MILLISECONDS);
        }
    }
}
