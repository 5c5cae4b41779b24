package org.starhash.gateway.smpp;

import io.netty.channel.ChannelHandlerContext;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.AbstractSmCommand;
import org.jsmpp.bean.OptionalParameter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.starhash.gateway.engine.Channel;
import org.starhash.gateway.engine.Engine;
import org.starhash.gateway.engine.Reply;
import org.starhash.gateway.engine.Request;
import org.starhash.gateway.faults.FaultLog;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Translates an inbound MO PDU into an engine request and, once its effects are durable, answers it: first the
 * response to the MO, then the reply text, composed by {@link MtPdus} as the mirror PDU, on a receiver-capable
 * bind of the same account.
 */
final class MoHandler {

    private static final Logger LOG = LoggerFactory.getLogger(MoHandler.class);
    private final FaultLog undelivered = FaultLog.ofPeers(LOG, "replies not delivered: no receiver bind of the account is open");

    private final Engine engine;
    private final Binds binds;
    private final FaultLog throttled = new FaultLog(LOG, "MOs throttled (ESME_RTHROTTLED) because their answers have no bind that reads");
    private final OptionalParameter.Tag dialogueReference;
    private final MoParts parts;
    private final MtPdus mt;
    private final AtomicLong messageIds = new AtomicLong();
    private final AtomicInteger references = new AtomicInteger();

    /**
     * @param parts joins concatenated MO
     * @param mt    composes the replies
     */
    MoHandler(Engine engine, Binds binds, OptionalParameter.Tag dialogueReference, MoParts parts, MtPdus mt) {
        this.engine = engine;
        this.binds = binds;
        this.dialogueReference = dialogueReference;
        this.parts = parts;
        this.mt = mt;
    }

    /** Drops concatenated MO whose parts did not all come in time; the server calls it every second. */
    void expireParts() {
        parts.expire();
    }

    void handle(ChannelHandlerContext ctx, SmppSession session, InboundPdu.Decoded pdu) {
        AbstractSmCommand sm = (AbstractSmCommand) pdu.body();
        int op = SmppText.ussdOpOf(sm);
        boolean ussd = op >= 0 || "USSD".equalsIgnoreCase(sm.getServiceType());
        Optional<UssdOp> ussdOp = op >= 0 ? UssdOp.of(op) : Optional.of(UssdOp.PSSR_INDICATION);
        if (ussd && !ussdOp.map(o -> o == UssdOp.PSSR_INDICATION || o == UssdOp.PSSD_INDICATION
                || o == UssdOp.USSR_CONFIRM).orElse(false)) {
            respondError(ctx, pdu, SMPPConstant.STAT_ESME_RINVTLVVAL);
            return;
        }
        if (binds.repliesBlocked(session)) {
            // The bind its answer would go to takes no more: refused before any work, the SMSC retries later.
            throttled.failed("account " + session.account() + ": its receiver binds do not read what we send");
            respondError(ctx, pdu, SMPPConstant.STAT_ESME_RTHROTTLED);
            return;
        }
        throttled.ok();
        MoParts.Result read = parts.read(sm, ussd);
        if (read instanceof MoParts.Refused refused) {
            LOG.debug("refused an MO from {}: {}", sm.getSourceAddr(), refused.why());
            respondError(ctx, pdu, refused.status());
            return;
        }
        if (read instanceof MoParts.Held) {
            // Taken: the part waits for the others; only the whole message is routed and answered.
            ctx.writeAndFlush(Pdus.moResp(pdu.commandId(), pdu.sequence(), Long.toHexString(messageIds.incrementAndGet())));
            return;
        }
        MoParts.Whole whole = (MoParts.Whole) read;
        String source = sm.getSourceAddr() == null ? "" : sm.getSourceAddr();
        String destination = sm.getDestAddress() == null ? "" : sm.getDestAddress();
        Request request = new Request(ussd ? Channel.USSD : Channel.SMS, source, destination, whole.text(), "",
                ussd ? 1 : whole.segments());
        var reply = ussd && ussdOp.get() == UssdOp.USSR_CONFIRM ? engine.answer(request, -1) : engine.handle(request);
        reply.thenAcceptAsync(r -> answer(ctx, session, pdu, sm, ussd, r), ctx.executor());
    }

    private void answer(ChannelHandlerContext ctx, SmppSession session, InboundPdu.Decoded pdu, AbstractSmCommand sm,
                        boolean ussd, Reply reply) {
        switch (reply.status()) {
            case OK -> ctx.writeAndFlush(Pdus.moResp(pdu.commandId(), pdu.sequence(),
                    Long.toHexString(messageIds.incrementAndGet())));
            case INVALID_SOURCE -> respondError(ctx, pdu, SMPPConstant.STAT_ESME_RINVSRCADR);
            case BUSY -> respondError(ctx, pdu, SMPPConstant.STAT_ESME_RTHROTTLED);
            case FAILED -> respondError(ctx, pdu, SMPPConstant.STAT_ESME_RSYSERR);
        }
        // An SMSC retries a refused SMS by itself; a handset in a USSD dialogue waits for a screen.
        boolean send = reply.status() == Reply.Status.OK || ussd && reply.status() != Reply.Status.INVALID_SOURCE;
        if (send && !reply.text().isEmpty()) {
            sendReply(session, pdu, sm, ussd, reply.text(), reply.more());
        }
    }

    private void respondError(ChannelHandlerContext ctx, InboundPdu pdu, int status) {
        ctx.writeAndFlush(Pdus.negative(pdu.commandId(), status, pdu.sequence()));
    }

    private void sendReply(SmppSession origin, InboundPdu.Decoded pdu, AbstractSmCommand sm, boolean ussd, String text,
                           boolean more) {
        var target = binds.receiverFor(origin);
        if (target.isEmpty()) {
            undelivered.failed("account " + origin.account() + ", reply to " + sm.getSourceAddr());
            return;
        }
        undelivered.ok();
        Pdus.Address from = new Pdus.Address(sm.getDestAddrTon(), sm.getDestAddrNpi(), sm.getDestAddress());
        Pdus.Address to = new Pdus.Address(sm.getSourceAddrTon(), sm.getSourceAddrNpi(), sm.getSourceAddr());
        SmppSession receiver = target.get();
        MtPdus.Carrier carrier = MtPdus.Carrier.answering(pdu.commandId());
        if (!ussd) {
            // An SMS reply too long for one SMS goes as numbered parts with concatenation headers.
            for (MtPdus.Mt part : mt.sms(carrier, receiver::nextSequence, sm.getServiceType(), from, to, text,
                    references.incrementAndGet())) {
                receiver.channel().write(part.pdu());
            }
            receiver.channel().flush();
            return;
        }
        // A screen that wants an answer is a USSR request; the last one is a PSSR response.
        OptionalParameter reference = sm.getOptionalParameter(dialogueReference);
        receiver.channel().writeAndFlush(mt.ussd(carrier, receiver.nextSequence(),
                more ? UssdOp.USSR_REQUEST : UssdOp.PSSR_RESPONSE, from, to, text,
                reference == null ? List.of() : List.of(reference)).pdu());
    }
}
