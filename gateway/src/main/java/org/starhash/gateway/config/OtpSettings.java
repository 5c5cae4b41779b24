package org.starhash.gateway.config;

import java.time.Duration;

/**
 * One-time codes by SMS (seeds 001 and 003): how long a code is good for, and the guards against guessing and
 * against SMS pumping.
 *
 * @param valid       a code's life
 * @param resend      the least time between two codes for one number and purpose
 * @param maxSends    the most codes one number and purpose may be sent within {@code window}
 * @param window      the window {@code maxSends} counts in
 * @param maxAttempts wrong codes that lock a code
 */
public record OtpSettings(Duration valid, Duration resend, int maxSends, Duration window, int maxAttempts) {

    public static final OtpSettings DEFAULTS = new OtpSettings(Duration.ofSeconds(300), Duration.ofSeconds(30), 5,
            Duration.ofMinutes(10), 5);
}
