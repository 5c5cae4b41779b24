package org.starhash.gateway.menu;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What a typed answer must look like.
 *
 * @param kind    digits, a phone number, or one amount of a list
 * @param amounts the amounts allowed, in whole euros, when {@code kind} is {@link Kind#AMOUNT}
 */
public record Check(Kind kind, List<Long> amounts) {

    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,20}");
    private static final Pattern MSISDN = Pattern.compile("\\+?[0-9]{6,15}");

    /** The kinds of answers a prompt can ask for. */
    public enum Kind {
        DIGITS, MSISDN, AMOUNT
    }

    public Check {
        amounts = List.copyOf(amounts);
        if (kind == Kind.AMOUNT && amounts.isEmpty()) {
            throw new IllegalArgumentException("an amount check needs its amounts");
        }
    }

    /** Whether a typed answer passes. */
    public boolean accepts(String answer) {
        String a = answer.strip();
        return switch (kind) {
            case DIGITS -> DIGITS.matcher(a).matches();
            case MSISDN -> MSISDN.matcher(a).matches();
            case AMOUNT -> DIGITS.matcher(a).matches() && a.length() < 10 && amounts.contains(Long.parseLong(a));
        };
    }
}
