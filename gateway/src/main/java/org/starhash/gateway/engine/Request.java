package org.starhash.gateway.engine;

import java.util.Objects;

/**
 * One message from a handset, as the network delivered it.
 *
 * @param channel USSD or SMS
 * @param source  the subscriber's number as the network wrote it (not yet normalized)
 * @param to      the short number or USSD service address
 * @param text    the dialled string or the SMS text
 */
public record Request(Channel channel, String source, String to, String text) {

    public Request {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(text, "text");
    }
}
