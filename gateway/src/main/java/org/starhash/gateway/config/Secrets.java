package org.starhash.gateway.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The one comparison of a secret a peer gives (an SMPP password, the USSD over HTTP token, the admin token) with
 * the configured one: in time that does not depend on where they differ, so the answer's timing tells a guesser
 * nothing about how much of a guess was right.
 */
public final class Secrets {

    private Secrets() {
    }

    /** Whether {@code given} (null counts as empty) is the configured secret. */
    public static boolean matches(String configured, String given) {
        return MessageDigest.isEqual(configured.getBytes(StandardCharsets.UTF_8),
                (given == null ? "" : given).getBytes(StandardCharsets.UTF_8));
    }
}
