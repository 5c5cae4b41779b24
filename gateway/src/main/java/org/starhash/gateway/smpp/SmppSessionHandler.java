package org.starhash.gateway.smpp;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.timeout.IdleStateEvent;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.Bind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.starhash.gateway.config.Secrets;
import org.starhash.gateway.config.SmppSettings;
import org.starhash.gateway.faults.FaultLog;

import java.io.IOException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The state of one SMPP connection (open, then bound one of three ways): binds and authenticates, answers
 * enquire_link and unbind, hands MO to the MO handler, and refuses whatever the state does not allow.
 */
final class SmppSessionHandler extends SimpleChannelInboundHandler<InboundPdu> {

    private static final Logger LOG = LoggerFactory.getLogger(SmppSessionHandler.class);
    /** Refused binds: a line when they start, a count a minute, so a peer guessing passwords cannot flood the log. */
    private static final FaultLog REFUSED_BINDS = FaultLog.ofPeers(LOG, "SMPP binds refused");
    private static final long UNBIND_GRACE_SECONDS = 5;

    private final SmppSettings settings;
    private final Binds binds;
    private final MoHandler mo;
    private SmppSession session;
    private ScheduledFuture<?> bindTimer;

    SmppSessionHandler(SmppSettings settings, Binds binds, MoHandler mo) {
        this.settings = settings;
        this.binds = binds;
        this.mo = mo;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        if (ctx.channel().isActive()) {
            startBindTimer(ctx);
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        startBindTimer(ctx);
        super.channelActive(ctx);
    }

    private void startBindTimer(ChannelHandlerContext ctx) {
        if (bindTimer != null) {
            return;
        }
        bindTimer = ctx.executor().schedule(() -> {
            if (session == null) {
                LOG.debug("{} did not bind within {}; closing", ctx.channel().remoteAddress(), settings.bindTimeout());
                ctx.close();
            }
        }, settings.bindTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (bindTimer != null) {
            bindTimer.cancel(false);
        }
        if (session != null) {
            binds.remove(session);
            session.closed();
            LOG.info("{} ({}) disconnected", session.account(), ctx.channel().remoteAddress());
        }
        super.channelInactive(ctx);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, InboundPdu pdu) {
        if (pdu.isResponse()) {
            onResponse(ctx, pdu);
            return;
        }
        switch (pdu.commandId()) {
            case SMPPConstant.CID_BIND_RECEIVER, SMPPConstant.CID_BIND_TRANSMITTER, SMPPConstant.CID_BIND_TRANSCEIVER ->
                    onBind(ctx, pdu);
            case SMPPConstant.CID_ENQUIRE_LINK -> ctx.writeAndFlush(Pdus.enquireLinkResp(pdu.sequence()));
            case SMPPConstant.CID_UNBIND -> ctx.writeAndFlush(Pdus.unbindResp(pdu.sequence()))
                    .addListener(ChannelFutureListener.CLOSE);
            case SMPPConstant.CID_SUBMIT_SM, SMPPConstant.CID_DATA_SM -> onMessage(ctx, pdu, session != null
                    && session.kind().transmits());
            case SMPPConstant.CID_DELIVER_SM -> onMessage(ctx, pdu, session != null && session.kind().receives());
            default -> ctx.writeAndFlush(Pdus.genericNack(SMPPConstant.STAT_ESME_RINVCMDID, pdu.sequence()));
        }
    }

    private void onBind(ChannelHandlerContext ctx, InboundPdu pdu) {
        if (session != null) {
            ctx.writeAndFlush(Pdus.negative(pdu.commandId(), SMPPConstant.STAT_ESME_RALYBND, pdu.sequence()));
            return;
        }
        if (!(pdu instanceof InboundPdu.Decoded decoded)) {
            ctx.writeAndFlush(Pdus.negative(pdu.commandId(), SMPPConstant.STAT_ESME_RBINDFAIL, pdu.sequence()));
            return;
        }
        Bind bind = (Bind) decoded.body();
        String expected = settings.accounts().get(bind.getSystemId());
        if (expected == null) {
            REFUSED_BINDS.failed("unknown system_id '" + bind.getSystemId() + "' from " + ctx.channel().remoteAddress());
            ctx.writeAndFlush(Pdus.negative(pdu.commandId(), SMPPConstant.STAT_ESME_RINVSYSID, pdu.sequence()));
            return;
        }
        String given = bind.getPassword() == null ? "" : bind.getPassword();
        if (!Secrets.matches(expected, given)) {
            REFUSED_BINDS.failed("wrong password for '" + bind.getSystemId() + "' from " + ctx.channel().remoteAddress());
            ctx.writeAndFlush(Pdus.negative(pdu.commandId(), SMPPConstant.STAT_ESME_RINVPASWD, pdu.sequence()));
            return;
        }
        session = new SmppSession(bind.getSystemId(), BindKind.of(pdu.commandId()), ctx.channel());
        binds.add(session);
        bindTimer.cancel(false);
        ctx.writeAndFlush(Pdus.bindResp(pdu.commandId() | SMPPConstant.MASK_CID_RESP, pdu.sequence(), settings.systemId()));
        REFUSED_BINDS.ok();
        LOG.info("{} bound as {} from {}", session.account(), session.kind(), ctx.channel().remoteAddress());
    }

    private void onMessage(ChannelHandlerContext ctx, InboundPdu pdu, boolean allowed) {
        if (!allowed) {
            ctx.writeAndFlush(Pdus.negative(pdu.commandId(), SMPPConstant.STAT_ESME_RINVBNDSTS, pdu.sequence()));
        } else if (pdu instanceof InboundPdu.Malformed malformed) {
            LOG.debug("malformed PDU 0x{} from {}: {}", Integer.toHexString(pdu.commandId()), session.account(),
                    malformed.problem());
            ctx.writeAndFlush(Pdus.negative(pdu.commandId(), malformed.problemStatus(), pdu.sequence()));
        } else {
            mo.handle(ctx, session, (InboundPdu.Decoded) pdu);
        }
    }

    private void onResponse(ChannelHandlerContext ctx, InboundPdu pdu) {
        if (pdu.commandId() == SMPPConstant.CID_UNBIND_RESP) {
            ctx.close();
        } else if (session != null && session.responded(pdu.sequence(), pdu.status())) {
            return;
        } else if (pdu.status() != SMPPConstant.STAT_ESME_ROK) {
            LOG.warn("peer {} answered our 0x{} (sequence {}) with status 0x{}", session == null ? "?" : session.account(),
                    Integer.toHexString(pdu.commandId()), pdu.sequence(), Integer.toHexString(pdu.status()));
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof IdleStateEvent) {
            if (session == null) {
                ctx.close();
            } else {
                LOG.info("{} idle for {}; unbinding", session.account(), settings.idleTimeout());
                ctx.writeAndFlush(Pdus.unbind(session.nextSequence()));
                ctx.executor().schedule(() -> ctx.close(), UNBIND_GRACE_SECONDS, TimeUnit.SECONDS);
            }
            return;
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        Throwable root = cause instanceof DecoderException && cause.getCause() != null ? cause.getCause() : cause;
        if (root instanceof TooLongFrameException || root instanceof CorruptedFrameException) {
            LOG.debug("bad command_length from {}: {}; closing", ctx.channel().remoteAddress(), root.getMessage());
            ctx.writeAndFlush(Pdus.genericNack(SMPPConstant.STAT_ESME_RINVCMDLEN, 0))
                    .addListener(ChannelFutureListener.CLOSE);
        } else if (root instanceof IOException) {
            LOG.debug("SMPP connection {} broke: {}", ctx.channel().remoteAddress(), root.getMessage());
            ctx.close();
        } else {
            LOG.error("error on SMPP connection {}; closing", ctx.channel().remoteAddress(), cause);
            ctx.close();
        }
    }
}
