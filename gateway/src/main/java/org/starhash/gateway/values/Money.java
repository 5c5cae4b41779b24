package org.starhash.gateway.values;

import java.math.BigDecimal;

/** Euro amounts: whole cents inside, {@code 12.50} in files, {@code 12,50} on handsets. */
public final class Money {

    private Money() {
    }

    /** Parses {@code 12.50}, {@code 12,50} or {@code 12} into cents; more than two decimals is an error. */
    public static long parseCents(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("an amount is missing");
        }
        String t = text.strip().replace(',', '.');
        BigDecimal amount;
        try {
            amount = new BigDecimal(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not an amount");
        }
        if (amount.scale() > 2 && amount.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("'" + text + "' has more than two decimals");
        }
        return amount.movePointRight(2).longValueExact();
    }

    /** Formats cents the Slovenian way, {@code 1250} as {@code 12,50} and {@code -5} as {@code -0,05}. */
    public static String format(long cents) {
        long abs = Math.abs(cents);
        String sign = cents < 0 ? "-" : "";
        long rest = abs % 100;
        return sign + abs / 100 + "," + (rest < 10 ? "0" : "") + rest;
    }
}
