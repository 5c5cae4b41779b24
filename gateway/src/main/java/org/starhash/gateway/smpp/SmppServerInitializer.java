package org.starhash.gateway.smpp;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.Channel;
import io.netty.handler.codec.bytes.ByteArrayEncoder;
import io.netty.handler.timeout.IdleStateHandler;
import org.starhash.gateway.config.SmppSettings;

import java.util.concurrent.TimeUnit;

/**
 * The pipeline of an SMPP connection, inbound top to bottom: reading paused while the peer does not take what we
 * send, idle detection, framing by command_length
 * (64 KiB at most, checked before any decoding), decoding with jsmpp, then the session; outbound PDUs are
 * composed bytes, written as they are.
 */
final class SmppServerInitializer extends ChannelInitializer<Channel> {

    static final String BACK_PRESSURE = "back-pressure";
    static final String IDLE = "idle";
    static final String FRAME = "frame";
    static final String DECODE = "decode";
    static final String ENCODE = "encode";
    static final String SESSION = "session";

    private final SmppSettings settings;
    private final Binds binds;
    private final MoHandler mo;
    private final ChannelGroup open;
    private final ByteArrayEncoder encoder = new ByteArrayEncoder();
    private final BackPressure backPressure = new BackPressure();

    SmppServerInitializer(SmppSettings settings, Binds binds, MoHandler mo, ChannelGroup open) {
        this.settings = settings;
        this.binds = binds;
        this.mo = mo;
        this.open = open;
    }

    @Override
    protected void initChannel(Channel ch) {
        open.add(ch);
        ChannelPipeline p = ch.pipeline();
        p.addLast(BACK_PRESSURE, backPressure);
        p.addLast(IDLE, new IdleStateHandler(settings.idleTimeout().toMillis(), 0, 0, TimeUnit.MILLISECONDS));
        p.addLast(FRAME, Framing.decoder());
        p.addLast(DECODE, new PduDecoder());
        p.addLast(ENCODE, encoder);
        p.addLast(SESSION, new SmppSessionHandler(settings, binds, mo));
    }
}
