package org.starhash.gateway.outbox;

import org.starhash.gateway.values.OutboxMessage;

import java.util.concurrent.CompletableFuture;

/** A transport that hands one message to the network and says how that went. */
public interface Courier {

    /** What became of one attempt. */
    enum Result {
        /** The network answered with a positive response: the message is delivered. */
        DELIVERED,
        /** A negative response, a timeout or a broken connection: try again later. */
        FAILED,
        /** No connection can take it now: wait for one. */
        NO_ROUTE
    }

    /** Sends a message; the future never fails, a failure is a result. */
    CompletableFuture<Result> send(OutboxMessage message);

    /** Calls {@code ready} whenever a connection that may take messages comes up. */
    void onReady(Runnable ready);
}
