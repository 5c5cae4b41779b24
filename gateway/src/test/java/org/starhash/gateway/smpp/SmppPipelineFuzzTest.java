package org.starhash.gateway.smpp;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.concurrent.GlobalEventExecutor;
import org.starhash.gateway.config.ConnectionLimits;
import org.starhash.gateway.config.SmppSettings;

import java.time.Duration;
import java.util.Map;

/**
 * Any bytes through the real SMPP pipeline (framing, jsmpp decoding, the session before a bind) on an
 * {@link EmbeddedChannel}, as OSS-Fuzz's Netty harnesses do: nothing may escape the pipeline and no buffer may leak.
 */
class SmppPipelineFuzzTest {

    private static final SmppSettings SETTINGS = new SmppSettings("127.0.0.1", 0, "starhash", Duration.ofSeconds(10),
            Duration.ofSeconds(60), new ConnectionLimits(100, 10), Map.of("fuzzacct", "fuzzpw"));

    static {
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
    }

    @FuzzTest(maxDuration = "60s")
    void anyBytesAreAnsweredOrTheConnectionClosed(byte[] input) {
        EmbeddedChannel ch = new EmbeddedChannel();
        ch.pipeline().addLast(new SmppServerInitializer(SETTINGS, new Binds(), null,
                new DefaultChannelGroup(GlobalEventExecutor.INSTANCE)));
        ch.writeInbound(Unpooled.wrappedBuffer(input));
        ch.checkException();
        Object out;
        while ((out = ch.readOutbound()) != null) {
            if (out instanceof ByteBuf buf) {
                buf.release();
            }
        }
        ch.finishAndReleaseAll();
    }
}
