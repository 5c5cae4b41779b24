package org.starhash.gateway.config;

import java.time.Duration;
import java.util.Objects;

/**
 * How messages in the outbox are delivered.
 *
 * @param window          the most messages sent and not yet answered by the network at one time
 * @param responseTimeout how long a sent message waits for its response before it counts as failed
 * @param retryMin        the wait before the first retry; it doubles with each failure
 * @param retryMax        the longest wait between retries
 * @param smsAccount      the SMPP account whose receiver binds take SMS; empty for any account
 * @param ussdAccount     the SMPP account whose receiver binds take network-initiated USSD; empty for any
 */
public record OutboxSettings(int window, Duration responseTimeout, Duration retryMin, Duration retryMax,
                             String smsAccount, String ussdAccount) {

    public OutboxSettings {
        Objects.requireNonNull(responseTimeout, "responseTimeout");
        Objects.requireNonNull(retryMin, "retryMin");
        Objects.requireNonNull(retryMax, "retryMax");
        Objects.requireNonNull(smsAccount, "smsAccount");
        Objects.requireNonNull(ussdAccount, "ussdAccount");
        if (window < 1) {
            throw new IllegalArgumentException("the outbox window must be at least 1");
        }
    }
}
