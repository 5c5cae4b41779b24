package org.starhash.gateway.smpp;

import io.netty.channel.Channel;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** One bound connection: its account, how it bound, and the requests we sent on it that wait for a response. */
final class SmppSession {

    private final String account;
    private final BindKind kind;
    private final Channel channel;
    private final AtomicInteger sequence = new AtomicInteger();
    /** Requests we sent that wait for their response, by sequence number; only touched on the channel's loop. */
    private final Map<Integer, CompletableFuture<Integer>> awaiting = new HashMap<>();
    /** Requests in a row that got no response within their timeout; any response sets it back to 0. */
    private volatile int unanswered;
    /** Timeouts in a row past which the peer counts as not answering (a receiver that never reads its socket). */
    static final int NOT_ANSWERING = 3;

    SmppSession(String account, BindKind kind, Channel channel) {
        this.account = account;
        this.kind = kind;
        this.channel = channel;
    }

    String account() {
        return account;
    }

    BindKind kind() {
        return kind;
    }

    Channel channel() {
        return channel;
    }

    /** The next sequence_number for a request we send, 1 to 0x7FFFFFFF and round again. */
    int nextSequence() {
        return sequence.updateAndGet(Pdus::nextSequence);
    }

    /**
     * Writes a request and returns its response's command_status, or -1 when none came within the timeout or the
     * connection broke; call on the channel's event loop.
     */
    CompletableFuture<Integer> request(int sequenceNumber, byte[] pdu, Duration timeout) {
        CompletableFuture<Integer> response = new CompletableFuture<>();
        awaiting.put(sequenceNumber, response);
        ScheduledFuture<?> timer = channel.eventLoop().schedule(() -> {
            if (awaiting.remove(sequenceNumber, response)) {
                unanswered++;
                response.complete(-1);
            }
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        response.whenComplete((status, error) -> timer.cancel(false));
        channel.writeAndFlush(pdu).addListener(written -> {
            if (!written.isSuccess() && awaiting.remove(sequenceNumber, response)) {
                response.complete(-1);
            }
        });
        return response;
    }

    /**
     * Whether the peer answers what we send: false after {@link #NOT_ANSWERING} timeouts in a row, so messages go
     * to binds that do answer while there are any.
     */
    boolean answering() {
        return unanswered < NOT_ANSWERING;
    }

    /** A response came; false when it answers nothing we wait for. */
    boolean responded(int sequenceNumber, int status) {
        CompletableFuture<Integer> response = awaiting.remove(sequenceNumber);
        if (response == null) {
            return false;
        }
        unanswered = 0;
        response.complete(status);
        return true;
    }

    /** The connection is gone: nothing we wait for will come. */
    void closed() {
        List<CompletableFuture<Integer>> left = List.copyOf(awaiting.values());
        awaiting.clear();
        left.forEach(f -> f.complete(-1));
    }
}
