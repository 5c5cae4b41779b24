package org.starhash.gateway.engine;

import java.util.Objects;

/**
 * The engine's answer to a request.
 *
 * @param status whether the request was taken; the transport maps it to its own status codes
 * @param text   the text for the handset, empty when there is nobody to send it to
 * @param more   a USSD dialogue goes on: the text is a screen that waits for the subscriber's answer
 */
public record Reply(Status status, String text, boolean more) {

    /** What became of a request. */
    public enum Status {
        /** Handled (which includes a polite refusal in the text); its effects are durable. */
        OK,
        /** The source is not a phone number; nothing can be answered. */
        INVALID_SOURCE,
        /** Overloaded: nothing was done, the network should try again. */
        BUSY,
        /** The gateway could not do it: nothing was done. */
        FAILED
    }

    public Reply {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(text, "text");
    }

    /** A reply that ends the exchange. */
    public Reply(Status status, String text) {
        this(status, text, false);
    }
}
