package org.starhash.gateway.store;

import java.util.Objects;

/**
 * One call forwarding of a subscriber: where to, and whether it is active (a registered number stays when it
 * is deactivated, as in GSM).
 *
 * @param number      the forward-to number, international digits
 * @param active      whether calls are forwarded now
 * @param ringSeconds how long the phone rings first (no-reply forwarding only)
 */
public record Forward(String number, boolean active, int ringSeconds) {

    public Forward {
        Objects.requireNonNull(number, "number");
    }

    public Forward withActive(boolean nowActive) {
        return new Forward(number, nowActive, ringSeconds);
    }
}
