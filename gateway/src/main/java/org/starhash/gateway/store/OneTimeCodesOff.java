package org.starhash.gateway.store;

import java.time.LocalDate;

/**
 * Numbers whose business account's main administrator switched SMS codes off (seed 003), with the day they did:
 * a request for a code is then refused as disabled.
 */
public final class OneTimeCodesOff {

    /** Keyed by MSISDN; absent means codes are on. */
    public static final Table<LocalDate> TABLE = new Table<>("otp_off", Days.codec("one-time codes off"));

    private OneTimeCodesOff() {
    }
}
