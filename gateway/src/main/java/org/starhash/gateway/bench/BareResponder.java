package org.starhash.gateway.bench;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.bytes.ByteArrayEncoder;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.AbstractSmCommand;
import org.jsmpp.bean.OptionalParameter;
import org.starhash.gateway.smpp.Framing;
import org.starhash.gateway.smpp.InboundPdu;
import org.starhash.gateway.smpp.PduDecoder;
import org.starhash.gateway.smpp.Pdus;
import org.starhash.gateway.smpp.SmppText;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * The ceiling: an SMPP server on Netty with the gateway's codec that answers every MO at once with its
 * response and a reply {@code deliver_sm}, with no engine and no store behind it.
 */
public final class BareResponder implements BenchServer {

    private final EventLoopGroup boss = new NioEventLoopGroup(1);
    private final EventLoopGroup workers = new NioEventLoopGroup();
    private final Channel listener;

    public BareResponder(String host, int port, String replyText) throws InterruptedException {
        SmppText.Encoded reply = SmppText.encode(replyText);
        ByteArrayEncoder encoder = new ByteArrayEncoder();
        listener = new ServerBootstrap().group(boss, workers).channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast(Framing.decoder(), new PduDecoder(), encoder, new Responder(reply));
                    }
                }).bind(host, port).sync().channel();
    }

    @Override
    public int port() {
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    @Override
    public void close() {
        listener.close().awaitUninterruptibly();
        workers.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
        boss.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
    }

    /** Answers one connection on its event loop; writes are flushed once per read. */
    private static final class Responder extends SimpleChannelInboundHandler<InboundPdu> {
        private final SmppText.Encoded reply;
        private int sequence;
        private long messageIds;

        Responder(SmppText.Encoded reply) {
            this.reply = reply;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, InboundPdu pdu) {
            switch (pdu.commandId()) {
                case SMPPConstant.CID_BIND_TRANSCEIVER, SMPPConstant.CID_BIND_TRANSMITTER, SMPPConstant.CID_BIND_RECEIVER ->
                        ctx.write(Pdus.bindResp(pdu.commandId() | SMPPConstant.MASK_CID_RESP, pdu.sequence(), "bare"));
                case SMPPConstant.CID_SUBMIT_SM, SMPPConstant.CID_DATA_SM -> answer(ctx, pdu);
                case SMPPConstant.CID_ENQUIRE_LINK -> ctx.write(Pdus.enquireLinkResp(pdu.sequence()));
                case SMPPConstant.CID_UNBIND -> ctx.write(Pdus.unbindResp(pdu.sequence()));
                case SMPPConstant.CID_DELIVER_SM_RESP -> {
                }
                default -> ctx.write(Pdus.genericNack(SMPPConstant.STAT_ESME_RINVCMDID, pdu.sequence()));
            }
        }

        private void answer(ChannelHandlerContext ctx, InboundPdu pdu) {
            AbstractSmCommand sm = (AbstractSmCommand) ((InboundPdu.Decoded) pdu).body();
            ctx.write(Pdus.moResp(pdu.commandId(), pdu.sequence(), Long.toHexString(++messageIds)));
            boolean ussd = SmppText.ussdOpOf(sm) >= 0;
            OptionalParameter[] tlvs = Baselines.replyTlvs(ussd);
            sequence = Pdus.nextSequence(sequence);
            ctx.write(Pdus.deliverSm(sequence, sm.getServiceType(),
                    new Pdus.Address(sm.getDestAddrTon(), sm.getDestAddrNpi(), sm.getDestAddress()),
                    new Pdus.Address(sm.getSourceAddrTon(), sm.getSourceAddrNpi(), sm.getSourceAddr()),
                    (byte) 0, reply.dataCoding(), reply.bytes(), tlvs));
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            ctx.flush();
        }
    }
}
