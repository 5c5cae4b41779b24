package org.starhash.gateway.smpp;

import io.netty.channel.Channel;

import java.util.concurrent.atomic.AtomicInteger;

/** One bound connection: its account, how it bound, and the sequence numbers of what we send on it. */
final class SmppSession {

    private final String account;
    private final BindKind kind;
    private final Channel channel;
    private final AtomicInteger sequence = new AtomicInteger();

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
}
