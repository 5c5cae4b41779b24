package org.starhash.gateway.store;

/**
 * Amounts of a package: call minutes, SMS and megabytes of data.
 *
 * @param minutes   call minutes
 * @param sms       SMS messages
 * @param megabytes data in MB
 */
public record Units(long minutes, long sms, long megabytes) {

    public static final Units NONE = new Units(0, 0, 0);

    public Units {
        if (minutes < 0 || sms < 0 || megabytes < 0) {
            throw new IllegalArgumentException("units cannot be negative: " + minutes + "/" + sms + "/" + megabytes);
        }
    }

    /** What is left of this allowance after the given use, never below zero. */
    public Units minus(Units used) {
        return new Units(Math.max(0, minutes - used.minutes), Math.max(0, sms - used.sms),
                Math.max(0, megabytes - used.megabytes));
    }
}
