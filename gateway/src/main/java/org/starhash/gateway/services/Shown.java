package org.starhash.gateway.services;

/** What of a caller's own input a text may show back. */
final class Shown {

    /** The most of a typed value echoed back, so one screen holds it. */
    private static final int MAX = 20;

    private Shown() {
    }

    static String typed(String value) {
        String v = value.strip();
        return v.length() <= MAX ? v : v.substring(0, MAX) + "…";
    }
}
