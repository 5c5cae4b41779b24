package org.starhash.gateway.bench;

import java.util.Locale;

/**
 * One kind of MO the generator sends: what a handset would dial or text, and where to.
 *
 * @param name        the name used in {@code --mix}
 * @param destination destination_addr: the short number or the USSD service code
 * @param text        the MO text
 * @param ussd        whether it goes as a USSD dialogue start (ussd_service_op 1)
 */
public record Traffic(String name, String destination, String text, boolean ussd) {

    /** A keyword SMS to 7070 that is charged as an MO and answers with this month's extra spend. */
    public static final Traffic PORABA = new Traffic("poraba", "7070", "PORABA", false);
    /** USSD {@code *123#}: the balance screen, a read without a charge. */
    public static final Traffic BALANCE = new Traffic("balance", "123", "*123#", true);

    /** The traffic of a {@code --mix} name. */
    public static Traffic named(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "poraba" -> PORABA;
            case "balance" -> BALANCE;
            default -> throw new IllegalArgumentException("unknown traffic '" + name + "'; known: poraba, balance");
        };
    }
}
