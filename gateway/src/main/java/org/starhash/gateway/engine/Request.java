package org.starhash.gateway.engine;

import java.util.Objects;

/**
 * One message from a handset, as the network delivered it.
 *
 * @param channel USSD or SMS
 * @param source  the subscriber's number as the network wrote it (not yet normalized)
 * @param to      the short number or USSD service address
 * @param text    the dialled string, the answer in a USSD dialogue, or the SMS text
 * @param session  the transport's own dialogue id (USSD over HTTP), empty when the transport has none
 * @param segments how many SMS the text took on the air, the unit an MO SMS is charged by; 1 for USSD
 */
public record Request(Channel channel, String source, String to, String text, String session, int segments) {

    public Request {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(session, "session");
        if (segments < 1) {
            throw new IllegalArgumentException("a message takes at least one segment, not " + segments);
        }
    }

    /** A request of a transport with dialogue ids of its own, in one segment. */
    public Request(Channel channel, String source, String to, String text, String session) {
        this(channel, source, to, text, session, 1);
    }

    /** A request of a transport without dialogue ids of its own. */
    public Request(Channel channel, String source, String to, String text) {
        this(channel, source, to, text, "", 1);
    }
}
