package org.starhash.gateway.store;

import java.time.LocalDate;

/** The day a subscriber was told of an e-invoice of a billing period, keyed by {@code MSISDN:PERIOD}: told once. */
public final class EInvoiceNotices {

    public static final Table<LocalDate> TABLE = new Table<>("e_invoice_notices", Days.codec("e-invoice notice"));

    private EInvoiceNotices() {
    }

    /** The key of a subscriber's notice of a period such as 2026-11. */
    public static String key(String msisdn, String period) {
        return msisdn + ":" + period;
    }
}
