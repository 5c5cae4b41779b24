package org.starhash.gateway.sms;

import java.util.Optional;

/**
 * Where a part of a concatenated SMS belongs, read from its user data header (3GPP TS 23.040 §9.2.3.24.1 and
 * .8: an 8-bit or 16-bit reference) or from the SMPP sar_* TLVs.
 *
 * @param reference the number the sender gave all parts of one message
 * @param total     how many parts the message has, 1 to 255
 * @param number    which part this is, 1 to total
 */
public record Concatenation(int reference, int total, int number) {

    private static final int IEI_CONCAT_8 = 0x00;
    private static final int IEI_CONCAT_16 = 0x08;

    public Concatenation {
        if (total < 1 || total > 255 || number < 1 || number > total) {
            throw new IllegalArgumentException("part " + number + " of " + total + " is not a part of a message");
        }
    }

    /**
     * A user data header: the octets it takes (its length octet included) and the concatenation it names, if
     * any.
     */
    public record Header(int length, Optional<Concatenation> concatenation) {
    }

    /**
     * Reads the user data header at the start of a short_message.
     *
     * @throws IllegalArgumentException when the header is cut short or names impossible parts
     */
    public static Header header(byte[] message) {
        if (message.length == 0) {
            throw new IllegalArgumentException("the message is empty but says it has a header");
        }
        int length = (message[0] & 0xff) + 1;
        if (length > message.length) {
            throw new IllegalArgumentException("the header is " + length + " octets but the message only "
                    + message.length);
        }
        Optional<Concatenation> found = Optional.empty();
        int at = 1;
        while (at + 1 < length) {
            int iei = message[at] & 0xff;
            int size = message[at + 1] & 0xff;
            int value = at + 2;
            if (value + size > length) {
                throw new IllegalArgumentException("header element 0x" + Integer.toHexString(iei) + " overruns the header");
            }
            if (iei == IEI_CONCAT_8 && size == 3) {
                found = Optional.of(new Concatenation(message[value] & 0xff, message[value + 1] & 0xff,
                        message[value + 2] & 0xff));
            } else if (iei == IEI_CONCAT_16 && size == 4) {
                found = Optional.of(new Concatenation(((message[value] & 0xff) << 8) | (message[value + 1] & 0xff),
                        message[value + 2] & 0xff, message[value + 3] & 0xff));
            }
            at = value + size;
        }
        return new Header(length, found);
    }
}
