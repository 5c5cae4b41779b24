package org.starhash.gateway.services;

/** What of a caller's own input a text may show back: short enough that one screen holds it. */
public final class Shown {

    /** The most of a typed value echoed back. */
    private static final int MAX = 24;

    private Shown() {
    }

    public static String typed(String value) {
        String v = value.strip();
        return v.length() <= MAX ? v : v.substring(0, MAX) + "…";
    }
}
