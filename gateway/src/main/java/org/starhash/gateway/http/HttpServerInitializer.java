package org.starhash.gateway.http;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.group.ChannelGroup;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.IdleStateHandler;
import org.starhash.gateway.config.HttpSettings;

import java.util.concurrent.TimeUnit;

/**
 * The pipeline of an HTTP connection: the idle and request timeouts, codec (headers of
 * {@code http.max_header_bytes} at most), a whole request of at most 64 KiB, then the admin API (which takes only
 * its own paths) and USSD.
 */
final class HttpServerInitializer extends ChannelInitializer<Channel> {

    static final String IDLE = "idle";
    static final String DEADLINE = "deadline";
    static final String CODEC = "http-codec";
    static final String AGGREGATE = "aggregate";
    static final String ADMIN = "admin";
    static final String USSD = "ussd";
    static final String BODY_CAP = "body-cap";

    private final AdminHttpHandler admin;
    private final UssdHttpHandler ussd;
    private final ChannelGroup open;
    private final HttpSettings settings;

    HttpServerInitializer(HttpSettings settings, AdminHttpHandler admin, UssdHttpHandler ussd, ChannelGroup open) {
        this.settings = settings;
        this.admin = admin;
        this.ussd = ussd;
        this.open = open;
    }

    @Override
    protected void initChannel(Channel ch) {
        open.add(ch);
        ChannelPipeline p = ch.pipeline();
        p.addLast(IDLE, new IdleStateHandler(0, 0, settings.idleTimeout().toMillis(), TimeUnit.MILLISECONDS));
        p.addLast(DEADLINE, new RequestDeadline(settings.requestTimeout().toMillis()));
        p.addLast(CODEC, new HttpServerCodec(4096, settings.maxHeaderBytes(), 8192));
        p.addLast(BODY_CAP, new BodyCap(settings.adminToken()));
        p.addLast(AGGREGATE, new HttpObjectAggregator(BodyCap.BATCH_BODY));
        p.addLast(ADMIN, admin);
        p.addLast(USSD, ussd);
    }
}
