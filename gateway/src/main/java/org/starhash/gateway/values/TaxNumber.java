package org.starhash.gateway.values;

/**
 * The Slovenian tax number (davčna številka): 8 digits, the first not 0, the last a mod-11 check digit over the
 * first seven weighted 8 down to 2; a check of 10 is written 0 and a check of 11 makes no valid number.
 */
public final class TaxNumber {

    /** What is wrong with a written tax number, if anything. */
    public enum Check {
        VALID,
        /** Not 8 digits, or starting with 0. */
        FORMAT,
        /** 8 digits whose last is not the check digit of the others. */
        CHECK_DIGIT
    }

    private TaxNumber() {
    }

    public static Check check(String written) {
        if (written.length() != 8 || written.charAt(0) == '0') {
            return Check.FORMAT;
        }
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            char c = written.charAt(i);
            if (c < '0' || c > '9') {
                return Check.FORMAT;
            }
            if (i < 7) {
                sum += (c - '0') * (8 - i);
            }
        }
        int digit = 11 - sum % 11;
        if (digit == 11) {
            return Check.CHECK_DIGIT;
        }
        return (digit == 10 ? 0 : digit) == written.charAt(7) - '0' ? Check.VALID : Check.CHECK_DIGIT;
    }
}
