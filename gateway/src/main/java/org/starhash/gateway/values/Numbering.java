package org.starhash.gateway.values;

import java.util.Optional;

/**
 * The numbering plan that turns the ways a number is written ({@code 070000001}, {@code +38670000001},
 * {@code 0038670000001}) into the one international form the store is keyed by (ITU-T E.164).
 *
 * @param countryCode    the network's country code, for example {@code 386}
 * @param nationalPrefix the trunk prefix of national numbers, for example {@code 0}
 */
public record Numbering(String countryCode, String nationalPrefix) {

    private static final int MAX_DIGITS = 15;

    public Numbering {
        if (countryCode == null || !countryCode.matches("[1-9][0-9]{0,2}")) {
            throw new IllegalArgumentException("country code must be 1 to 3 digits: " + countryCode);
        }
        if (nationalPrefix == null || !nationalPrefix.matches("[0-9]{1,2}")) {
            throw new IllegalArgumentException("national prefix must be 1 or 2 digits: " + nationalPrefix);
        }
    }

    /** The international form of a number, or empty when it is not a number at all. */
    public Optional<String> normalize(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String n = raw.strip().replace(" ", "");
        if (n.startsWith("+")) {
            n = n.substring(1);
        } else if (n.startsWith("00")) {
            n = n.substring(2);
        } else if (n.startsWith(nationalPrefix) && !n.startsWith(countryCode)) {
            n = countryCode + n.substring(nationalPrefix.length());
        }
        return isInternational(n) ? Optional.of(n) : Optional.empty();
    }

    /** How a handset shows a number: {@code 38670000001} as {@code 070000001}, a foreign one with a leading +. */
    public String national(String international) {
        return isDomestic(international) ? nationalPrefix + international.substring(countryCode.length())
                : "+" + international;
    }

    /** Whether an international number belongs to this country. */
    public boolean isDomestic(String international) {
        return international.startsWith(countryCode);
    }

    /** Whether a number is in the international form we keep: 7 to 15 digits, the first not 0. */
    public static boolean isInternational(String n) {
        if (n.length() < 7 || n.length() > MAX_DIGITS || n.charAt(0) == '0') {
            return false;
        }
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
