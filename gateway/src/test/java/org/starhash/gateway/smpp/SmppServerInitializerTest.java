package org.starhash.gateway.smpp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.Command;
import org.jsmpp.util.DefaultComposer;
import org.jsmpp.util.DefaultDecomposer;
import org.junit.jupiter.api.Test;
import org.starhash.gateway.config.ConnectionLimits;
import org.starhash.gateway.config.SmppSettings;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The whole SMPP pipeline on an {@link EmbeddedChannel}: bytes in, bytes out, no socket. */
class SmppServerInitializerTest {

    private static final DefaultComposer COMPOSER = new DefaultComposer();
    private static final SmppSettings SETTINGS = new SmppSettings("127.0.0.1", 0, "starhash", Duration.ofSeconds(10),
            Duration.ofSeconds(60), new ConnectionLimits(100, 10), Map.of("ussdc", "ussdpw"));

    private static EmbeddedChannel channel() {
        EmbeddedChannel ch = new EmbeddedChannel();
        ch.pipeline().addLast(new SmppServerInitializer(SETTINGS, new Binds(), null,
                new DefaultChannelGroup(GlobalEventExecutor.INSTANCE)));
        return ch;
    }

    private static Command response(EmbeddedChannel ch) {
        ByteBuf out = ch.readOutbound();
        assertNotNull(out, "no response written");
        byte[] bytes = new byte[out.readableBytes()];
        out.readBytes(bytes);
        out.release();
        return new DefaultDecomposer().header(bytes);
    }

    @Test
    void thePipelineIsNamedInOrder() {
        EmbeddedChannel ch = channel();
        List<String> names = ch.pipeline().names();
        assertEquals(List.of(SmppServerInitializer.BACK_PRESSURE, SmppServerInitializer.IDLE, SmppServerInitializer.FRAME,
                SmppServerInitializer.DECODE, SmppServerInitializer.ENCODE, SmppServerInitializer.SESSION),
                names.subList(0, 6));
    }

    @Test
    void aPduSplitAcrossReadsIsFramedWhole() {
        EmbeddedChannel ch = channel();
        byte[] enquire = COMPOSER.enquireLink(5);
        ch.writeInbound(Unpooled.wrappedBuffer(enquire, 0, 7));
        assertNull(ch.readOutbound());
        ch.writeInbound(Unpooled.wrappedBuffer(enquire, 7, enquire.length - 7));
        Command resp = response(ch);
        assertEquals(SMPPConstant.CID_ENQUIRE_LINK_RESP, resp.getCommandId());
        assertEquals(5, resp.getSequenceNumber());
    }

    @Test
    void twoPdusInOneReadGetTwoAnswers() {
        EmbeddedChannel ch = channel();
        ch.writeInbound(Unpooled.wrappedBuffer(COMPOSER.enquireLink(1), COMPOSER.enquireLink(2)));
        assertEquals(1, response(ch).getSequenceNumber());
        assertEquals(2, response(ch).getSequenceNumber());
    }

    @Test
    void aTooLongCommandLengthIsNackedAndCloses() {
        EmbeddedChannel ch = channel();
        ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {0, 1, 0, 1, 0, 0, 0, 0x15, 0, 0, 0, 0, 0, 0, 0, 9}));
        Command nack = response(ch);
        assertEquals(SMPPConstant.CID_GENERIC_NACK, nack.getCommandId());
        assertEquals(SMPPConstant.STAT_ESME_RINVCMDLEN, nack.getCommandStatus());
        assertFalse(ch.isOpen());
    }

    @Test
    void aBindWithTheRightPasswordIsAnsweredWithOurSystemId() throws Exception {
        EmbeddedChannel ch = channel();
        ch.writeInbound(Unpooled.wrappedBuffer(COMPOSER.bind(SMPPConstant.CID_BIND_TRANSMITTER, 3, "ussdc", "ussdpw", "",
                (byte) 0x34, (byte) 0, (byte) 0, null)));
        ByteBuf out = ch.readOutbound();
        byte[] bytes = new byte[out.readableBytes()];
        out.readBytes(bytes);
        out.release();
        var resp = new DefaultDecomposer().bindResp(bytes);
        assertEquals(SMPPConstant.CID_BIND_TRANSMITTER_RESP, resp.getCommandId());
        assertEquals(SMPPConstant.STAT_ESME_ROK, resp.getCommandStatus());
        assertEquals("starhash", resp.getSystemId());
        assertTrue(ch.isOpen());
    }
}
