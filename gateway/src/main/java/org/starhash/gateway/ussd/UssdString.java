package org.starhash.gateway.ussd;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A dialled USSD string split into its parts.
 *
 * @param prefix      {@code *}, {@code #}, {@code *#}, {@code **} or {@code ##}
 * @param serviceCode the digits of the service code
 * @param parts       the supplementary parts after the code, in order
 */
public record UssdString(String prefix, String serviceCode, List<String> parts) {

    /** The most a USSD string may hold (3GPP TS 23.038: 182 characters of the default alphabet). */
    public static final int MAX_LENGTH = 182;

    private static final Pattern SHAPE = Pattern.compile("(\\*#|\\*\\*|##|\\*|#)([0-9]{1,6})((?:\\*[0-9+]*)*)#");

    public UssdString {
        parts = List.copyOf(parts);
    }

    /** Parses a dialled string; empty when it is not a well-formed USSD string. */
    public static Optional<UssdString> parse(String dialled) {
        if (dialled == null || dialled.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        Matcher m = SHAPE.matcher(dialled.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        String rest = m.group(3);
        List<String> parts = rest.isEmpty() ? List.of() : List.of(rest.substring(1).split("\\*", -1));
        return Optional.of(new UssdString(m.group(1), m.group(2), parts));
    }
}
