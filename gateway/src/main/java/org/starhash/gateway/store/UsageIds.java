package org.starhash.gateway.store;

import java.time.LocalDate;

/**
 * The ids of the usage events counted, each with the day it was counted: the same id again changes nothing, also
 * after a restart.
 */
public final class UsageIds {

    /** Keyed by the event id the network gave. */
    public static final Table<LocalDate> TABLE = new Table<>("usage_ids", Days.codec("usage id"));

    private UsageIds() {
    }
}
