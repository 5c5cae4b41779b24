package org.starhash.gateway.smpp;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * Stops reading a connection while what we have to send it is over the high-water mark (a peer that writes MOs
 * and never reads our answers), and reads again once it has drained below the low one: what one connection can
 * make us hold is bounded by the mark and one read's worth of PDUs.
 */
@ChannelHandler.Sharable
final class BackPressure extends ChannelInboundHandlerAdapter {

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        ctx.channel().config().setAutoRead(ctx.channel().isWritable());
        ctx.fireChannelWritabilityChanged();
    }
}
