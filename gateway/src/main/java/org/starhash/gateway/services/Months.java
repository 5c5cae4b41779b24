package org.starhash.gateway.services;

import java.time.YearMonth;

/** A billing period as handsets show it: 11/2026. */
final class Months {

    private Months() {
    }

    static String shown(YearMonth month) {
        int m = month.getMonthValue();
        return (m < 10 ? "0" : "") + m + "/" + month.getYear();
    }
}
