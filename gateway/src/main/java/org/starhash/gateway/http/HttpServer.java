package org.starhash.gateway.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import org.starhash.gateway.config.HttpSettings;
import org.starhash.gateway.engine.Engine;
import org.starhash.gateway.net.AcceptGuard;
import org.starhash.gateway.net.SheddingServerChannel;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/** The HTTP listener: starts on the configured address and stops with every connection closed. */
public final class HttpServer implements AutoCloseable {

    private final HttpSettings settings;
    private final Engine engine;
    private final ChannelGroup channels = new DefaultChannelGroup("http", GlobalEventExecutor.INSTANCE);
    private EventLoopGroup boss;
    private EventLoopGroup workers;
    private Channel listener;

    public HttpServer(HttpSettings settings, Engine engine) {
        this.settings = settings;
        this.engine = engine;
    }

    /** Binds the listening socket and returns the address it listens on (the real port when 0 was asked). */
    public InetSocketAddress start() throws IOException {
        boss = new NioEventLoopGroup(1);
        workers = new NioEventLoopGroup();
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(boss, workers)
                .channel(SheddingServerChannel.class)
                .handler(new AcceptGuard("HTTP", settings.limits().maxConnections(), settings.limits().maxPerAddress()))
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new HttpServerInitializer(settings, new AdminHttpHandler(settings, engine.events()),
                        new UssdHttpHandler(settings, engine), channels));
        try {
            listener = bootstrap.bind(settings.host(), settings.port()).sync().channel();
        } catch (Exception e) {
            close();
            throw new IOException("cannot listen for HTTP on " + settings.host() + ":" + settings.port() + ": "
                    + e.getMessage() + " (http.host / http.port in the config)", e);
        }
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
