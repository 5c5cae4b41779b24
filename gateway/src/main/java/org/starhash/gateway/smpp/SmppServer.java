package org.starhash.gateway.smpp;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import org.jsmpp.bean.OptionalParameter;
import org.starhash.gateway.config.OutboxSettings;
import org.starhash.gateway.config.SmppSettings;
import org.starhash.gateway.config.SmsSettings;
import org.starhash.gateway.engine.Engine;
import org.starhash.gateway.net.AcceptGuard;
import org.starhash.gateway.net.SheddingServerChannel;
import org.starhash.gateway.outbox.Courier;
import org.starhash.gateway.sms.Reassembly;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/** The SMPP listener: starts on the configured address and stops with every connection closed. */
public final class SmppServer implements AutoCloseable {

    /** Bytes queued for a connection at which it counts as not taking more (about 1,000 replies). */
    static final int HIGH_WATER = 256 * 1024;
    static final int LOW_WATER = 64 * 1024;

    private final SmppSettings settings;
    private final MtPdus mt;
    private final Binds binds = new Binds();
    private final MoHandler mo;
    private final ChannelGroup channels = new DefaultChannelGroup("smpp", GlobalEventExecutor.INSTANCE);
    private EventLoopGroup boss;
    private EventLoopGroup workers;
    private Channel listener;

    /**
     * @param sms            how SMS text is read and written
     * @param itsSessionInfo echo a USSD dialogue's reference in its_session_info rather than user_message_reference
     */
    public SmppServer(SmppSettings settings, SmsSettings sms, Engine engine, boolean itsSessionInfo) {
        this.settings = settings;
        this.mt = new MtPdus(sms.transliterate());
        MoParts parts = new MoParts(new Reassembly(sms.concatTimeout().toNanos(), sms.concatMaxWaiting()), System::nanoTime);
        this.mo = new MoHandler(engine, binds, itsSessionInfo ? OptionalParameter.Tag.ITS_SESSION_INFO
                : OptionalParameter.Tag.USER_MESSAGE_REFERENCE, parts, mt);
    }

    /** The courier that sends outbox messages over this server's binds. */
    public Courier courier(OutboxSettings outbox) {
        return new SmppCourier(binds, outbox, mt);
    }

    /** Binds the listening socket and returns the address it listens on (the real port when 0 was asked). */
    public InetSocketAddress start() throws IOException {
        boss = new NioEventLoopGroup(1);
        workers = new NioEventLoopGroup();
        SmppServerInitializer initializer = new SmppServerInitializer(settings, binds, mo, channels);
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(boss, workers)
                .channel(SheddingServerChannel.class)
                .handler(new AcceptGuard("SMPP", settings.limits().maxConnections(), settings.limits().maxPerAddress()))
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                // What a peer that does not read can make us hold: a connection over the mark stops being read,
                // and MOs whose answers would go to it are throttled.
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(LOW_WATER, HIGH_WATER))
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childHandler(initializer);
        try {
            listener = bootstrap.bind(settings.host(), settings.port()).sync().channel();
        } catch (Exception e) {
            close();
            throw new IOException("cannot listen for SMPP on " + settings.host() + ":" + settings.port() + ": "
                    + e.getMessage() + " (smpp.host / smpp.port in the config)", e);
        }
        workers.scheduleAtFixedRate(mo::expireParts, 1, 1, TimeUnit.SECONDS);
        return (InetSocketAddress) listener.localAddress();
    }

    @Override
    public void close() {
        if (listener != null) {
            listener.close().awaitUninterruptibly();
        }
        channels.close().awaitUninterruptibly();
        if (workers != null) {
            workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
            boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
        }
    }
}
