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

    /** USSD Polni zame: a postpaid subscriber tops up the first (prepaid) number of the range by 5 EUR. */
    public static final Traffic TOPUP = new Traffic("topup", "123", "*123*5*" + BenchSubscribers.FIRST_MSISDN + "#", true);
    /** USSD {@code *122#}: the settings menu opens a dialogue, which the generator leaves to time out. */
    public static final Traffic MENU = new Traffic("menu", "122", "*122#", true);

    /** The traffic of a {@code --mix} name. */
    public static Traffic named(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "poraba" -> PORABA;
            case "balance" -> BALANCE;
            case "topup" -> TOPUP;
            case "menu" -> MENU;
            default -> throw new IllegalArgumentException("unknown traffic '" + name + "'; known: poraba, balance, topup, menu");
        };
    }
}
