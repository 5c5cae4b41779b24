package org.starhash.gateway.smpp;

import org.jsmpp.bean.Command;

/**
 * A PDU as it came in: its header fields, and either the jsmpp bean of its body ({@link Decoded}) or why its
 * body could not be read ({@link Malformed}).
 */
public sealed interface InboundPdu {

    /** The command_id. */
    int commandId();

    /** The command_status. */
    int status();

    /** The sequence_number. */
    int sequence();

    /** Whether it answers one of ours. */
    default boolean isResponse() {
        return (commandId() & 0x80000000) != 0;
    }

    /**
     * A PDU whose body decoded.
     *
     * @param body the decoded bean; the bare header for PDUs without a body we read
     */
    record Decoded(int commandId, int status, int sequence, Command body) implements InboundPdu {
    }

    /**
     * A PDU whose body did not decode.
     *
     * @param problem       why
     * @param problemStatus the SMPP status that names the problem, for the negative response
     */
    record Malformed(int commandId, int status, int sequence, String problem, int problemStatus) implements InboundPdu {
    }
}
