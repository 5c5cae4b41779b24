package org.starhash.gateway.bench;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.util.collection.IntObjectHashMap;
import io.netty.util.concurrent.ScheduledFuture;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.AbstractSmCommand;
import org.jsmpp.bean.OptionalParameter;
import org.starhash.gateway.smpp.InboundPdu;
import org.starhash.gateway.smpp.Pdus;
import org.starhash.gateway.smpp.SmppText;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One transceiver bind of the generator, confined to its event loop: keeps {@code window} MOs outstanding,
 * each from a subscriber of its own, and pairs every reply {@code deliver_sm} with its MO by that subscriber.
 * A transaction ends when both the MO's response and the reply have come, or at once on an error response.
 */
final class LoadHandler extends SimpleChannelInboundHandler<InboundPdu> {

    private static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(30);
    /** Open loop: the warm-up stops this long before the fixed rate starts, so no backlog is left to measure. */
    private static final long QUIET_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
    /** type_of_number international and numbering plan E.164, as an SMSC gives a handset's number. */
    private static final byte TON_INTERNATIONAL = 1;
    private static final byte NPI_E164 = 1;

    private final LoadSpec spec;
    private final Tally tally;
    private final CompletableFuture<Void> bound = new CompletableFuture<>();
    private final Slot[] slots;
    private final ArrayDeque<Slot> free = new ArrayDeque<>();
    private final IntObjectHashMap<Slot> bySequence = new IntObjectHashMap<>();
    private final Map<String, Slot> bySubscriber = new HashMap<>();
    private ChannelHandlerContext ctx;
    private int sequence;
    private boolean sending;
    /** Open loop: when the fixed rate starts, how many MOs it has sent, and how many are due by now. */
    private long openFrom;
    private long openSent;
    private double periodNanos;
    private long due;
    private ScheduledFuture<?> ticker;
    private ScheduledFuture<?> watchdog;

    LoadHandler(LoadSpec spec, Tally tally, int bindIndex) {
        this.spec = spec;
        this.tally = tally;
        this.slots = new Slot[spec.window()];
        int totalSlots = spec.binds() * spec.window();
        for (int i = 0; i < slots.length; i++) {
            slots[i] = new Slot(bindIndex * spec.window() + i, totalSlots, spec);
            free.add(slots[i]);
        }
    }

    CompletableFuture<Void> bound() {
        return bound;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        ctx.writeAndFlush(Pdus.bind(SMPPConstant.CID_BIND_TRANSCEIVER, nextSequence(), spec.systemId(), spec.password()));
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        bound.completeExceptionally(new IllegalStateException("the server closed the connection"));
        stopSending();
    }

    /**
     * Starts the load; called on the event loop. The warm-up runs closed loop even for an open-loop run, so a
     * cold JIT cannot pile up a backlog that the measured part would then pay for.
     */
    void start(long t0) {
        sending = true;
        watchdog = ctx.executor().scheduleAtFixedRate(this::expire, 1, 1, TimeUnit.SECONDS);
        if (spec.openLoop()) {
            periodNanos = 1e9 * spec.binds() / spec.rate();
            openFrom = t0 + spec.warmup().toNanos();
            ticker = ctx.executor().scheduleAtFixedRate(this::tick, Math.max(0, openFrom - System.nanoTime()),
                    TimeUnit.MILLISECONDS.toNanos(1), TimeUnit.NANOSECONDS);
        }
        if (!spec.openLoop() || System.nanoTime() < openFrom) {
            while (sending && !free.isEmpty()) {
                send(System.nanoTime());
            }
        }
        ctx.flush();
    }

    private boolean openLoopNow(long now) {
        return spec.openLoop() && now >= openFrom;
    }

    /** Stops sending new MOs; what is outstanding still completes. Called on the event loop. */
    void stopSending() {
        sending = false;
        if (ticker != null) {
            ticker.cancel(false);
        }
    }

    void unbind() {
        if (watchdog != null) {
            watchdog.cancel(false);
        }
        ctx.writeAndFlush(Pdus.unbind(nextSequence()));
    }

    private void tick() {
        due = (long) ((System.nanoTime() - openFrom) / periodNanos) + 1;
        pump();
        ctx.flush();
    }

    /** Open loop: sends what is due, each stamped with the time it was due, as far as the window allows. */
    private void pump() {
        while (sending && openSent < due && !free.isEmpty()) {
            openSent++;
            send(openFrom + (long) ((openSent - 1) * periodNanos));
        }
    }

    private void send(long dueNanos) {
        boolean measured = tally.measures(dueNanos);
        if (measured && !tally.takePermit()) {
            stopSending();
            return;
        }
        Traffic traffic = spec.mix().of(tally.started());
        Slot slot = free.poll();
        slot.begin(nextSequence(), dueNanos, measured);
        bySequence.put(slot.sequence, slot);
        bySubscriber.put(slot.msisdn, slot);
        Pdus.Address from = new Pdus.Address(TON_INTERNATIONAL, NPI_E164, slot.msisdn);
        Pdus.Address to = new Pdus.Address((byte) 0, NPI_E164, traffic.destination());
        byte[] text = traffic.text().getBytes(StandardCharsets.US_ASCII);
        byte[] pdu = traffic.ussd()
                ? Pdus.submitSm(slot.sequence, "USSD", from, to, (byte) 0, (byte) 0, text,
                new OptionalParameter.Ussd_service_op((byte) 1))
                : Pdus.submitSm(slot.sequence, "", from, to, (byte) 0, (byte) 0, text);
        ctx.write(pdu);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, InboundPdu pdu) {
        switch (pdu.commandId()) {
            case SMPPConstant.CID_BIND_TRANSCEIVER_RESP -> {
                if (pdu.status() == 0) {
                    bound.complete(null);
                } else {
                    bound.completeExceptionally(new IllegalStateException(
                            "bind refused with status " + Statuses.name(pdu.status())));
                }
            }
            case SMPPConstant.CID_SUBMIT_SM_RESP, SMPPConstant.CID_GENERIC_NACK -> {
                Slot slot = bySequence.remove(pdu.sequence());
                if (slot == null) {
                    tally.stray();
                } else if (pdu.status() != 0) {
                    finish(slot, pdu.status());
                } else {
                    slot.responded = true;
                    if (slot.replied) {
                        finish(slot, 0);
                    }
                }
            }
            case SMPPConstant.CID_DELIVER_SM -> {
                ctx.write(Pdus.moResp(SMPPConstant.CID_DELIVER_SM, pdu.sequence(), ""));
                if (pdu instanceof InboundPdu.Decoded d && d.body() instanceof AbstractSmCommand part && SmppText.concatenationOf(part)
                        .filter(c -> c.number() < c.total()).isPresent()) {
                    return; // a long reply is answered when its last part comes; they come in order on one bind
                }
                Slot slot = pdu instanceof InboundPdu.Decoded d && d.body() instanceof AbstractSmCommand sm ? bySubscriber.get(sm.getDestAddress()) : null;
                if (slot == null || slot.replied) {
                    tally.stray();
                } else {
                    slot.replied = true;
                    if (slot.responded) {
                        finish(slot, 0);
                    }
                }
            }
            case SMPPConstant.CID_ENQUIRE_LINK -> ctx.write(Pdus.enquireLinkResp(pdu.sequence()));
            case SMPPConstant.CID_UNBIND -> ctx.writeAndFlush(Pdus.unbindResp(pdu.sequence()));
            case SMPPConstant.CID_UNBIND_RESP -> ctx.close();
            default -> tally.stray();
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        ctx.flush();
    }

    private void finish(Slot slot, int status) {
        long now = System.nanoTime();
        bySequence.remove(slot.sequence);
        bySubscriber.remove(slot.msisdn);
        tally.done(slot.measured, slot.due, now, status);
        slot.rotate();
        free.add(slot);
        if (!sending) {
            return;
        }
        if (openLoopNow(now)) {
            pump();
        } else if (!spec.openLoop() || now < openFrom - QUIET_NANOS) {
            send(now);
        }
    }

    /** Ends transactions whose answer is overdue, so a lost reply costs one timeout, not a slot for ever. */
    private void expire() {
        long now = System.nanoTime();
        for (Slot slot : slots) {
            if (slot.inUse() && now - slot.sentAt > TIMEOUT_NANOS) {
                finish(slot, Tally.TIMEOUT);
            }
        }
        ctx.flush();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        bound.completeExceptionally(cause);
        ctx.close();
    }

    private int nextSequence() {
        sequence = Pdus.nextSequence(sequence);
        return sequence;
    }

    /**
     * One place in the window. It cycles through subscribers of its own (every {@code stride}-th number), so no
     * two outstanding MOs share a subscriber and a reply names its MO by its destination.
     */
    private static final class Slot {
        private final long firstIndex;
        private final long stride;
        private final long firstMsisdn;
        private final long subscribers;
        private long index;
        private String msisdn;
        private int sequence;
        private long due;
        private long sentAt;
        private boolean measured;
        private boolean responded;
        private boolean replied;
        private boolean busy;

        Slot(long firstIndex, long stride, LoadSpec spec) {
            this.firstIndex = firstIndex;
            this.stride = stride;
            this.firstMsisdn = spec.firstMsisdn();
            this.subscribers = spec.subscribers();
            this.index = firstIndex;
            this.msisdn = Long.toString(firstMsisdn + index);
        }

        void begin(int seq, long dueNanos, boolean measuredTx) {
            sequence = seq;
            due = dueNanos;
            sentAt = System.nanoTime();
            measured = measuredTx;
            responded = false;
            replied = false;
            busy = true;
        }

        boolean inUse() {
            return busy;
        }

        void rotate() {
            busy = false;
            index += stride;
            if (index >= subscribers) {
                index = firstIndex;
            }
            msisdn = Long.toString(firstMsisdn + index);
        }
    }
}
