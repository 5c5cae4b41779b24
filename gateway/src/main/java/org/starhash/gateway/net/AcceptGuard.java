package org.starhash.gateway.net;

import io.netty.channel.Channel;
import io.netty.channel.ChannelConfig;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.starhash.gateway.faults.FaultLog;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sits on a listening socket and sees every accepted connection first, in the order they were accepted. One over
 * the listener's cap, in all or from one address, is closed there and then, before it has a pipeline or reads a
 * byte. A failed accept (no descriptor left) pauses accepting for a second, else the loop would spin on the same
 * failure. Both are logged as faults: a line when they start, a count at most once a minute, a line when over.
 */
@ChannelHandler.Sharable
public final class AcceptGuard extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(AcceptGuard.class);
    private static final long PAUSE_MS = 1_000;

    private final int maxConnections;
    private final int maxPerAddress;
    private final AtomicInteger open = new AtomicInteger();
    private final ConcurrentHashMap<InetAddress, AtomicInteger> byAddress = new ConcurrentHashMap<>();
    private final FaultLog acceptFault;
    private final FaultLog overLimit;

    public AcceptGuard(String listener, int maxConnections, int maxPerAddress) {
        this.maxConnections = maxConnections;
        this.maxPerAddress = maxPerAddress;
        this.acceptFault = new FaultLog(LOG, "accepting " + listener + " connections (new ones are refused)");
        this.overLimit = FaultLog.ofPeers(LOG, listener + " connections over the limit of " + maxConnections
                + " in all and " + maxPerAddress + " an address (closed at once)");
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        acceptFault.ok();
        Channel child = (Channel) msg;
        InetAddress address = child.remoteAddress() instanceof InetSocketAddress inet ? inet.getAddress() : null;
        int all = open.get();
        AtomicInteger mine = address == null ? null : byAddress.computeIfAbsent(address, a -> new AtomicInteger());
        if (all >= maxConnections || (mine != null && mine.get() >= maxPerAddress)) {
            overLimit.failed(all >= maxConnections ? all + " open" : mine.get() + " open from " + address.getHostAddress());
            child.unsafe().closeForcibly();
            return;
        }
        overLimit.ok();
        open.incrementAndGet();
        if (mine != null) {
            mine.incrementAndGet();
        }
        child.closeFuture().addListener(f -> {
            open.decrementAndGet();
            if (address != null) {
                byAddress.computeIfPresent(address, (a, n) -> n.decrementAndGet() <= 0 ? null : n);
            }
        });
        ctx.fireChannelRead(child);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        acceptFault.failed(cause);
        ChannelConfig config = ctx.channel().config();
        if (config.isAutoRead()) {
            config.setAutoRead(false);
            ctx.channel().eventLoop().schedule(() -> config.setAutoRead(true), PAUSE_MS, TimeUnit.MILLISECONDS);
        }
    }

    /** Connections open now, for tests and metrics. */
    public int open() {
        return open.get();
    }
}
