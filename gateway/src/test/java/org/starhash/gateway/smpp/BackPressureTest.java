package org.starhash.gateway.smpp;

import io.netty.buffer.Unpooled;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BackPressureTest {

    @Test
    void aConnectionIsNotReadWhileWhatWeSendItIsOverTheMark() {
        EmbeddedChannel ch = new EmbeddedChannel(new BackPressure());
        ch.config().setWriteBufferWaterMark(new WriteBufferWaterMark(8, 16));
        assertTrue(ch.config().isAutoRead());
        ch.write(Unpooled.buffer(32).writeZero(32));
        assertFalse(ch.isWritable());
        assertFalse(ch.config().isAutoRead(), "a peer that takes nothing is still read");
        ch.flush();
        assertTrue(ch.isWritable());
        assertTrue(ch.config().isAutoRead(), "reading did not go on once the peer took what we sent");
        ch.finishAndReleaseAll();
    }
}
