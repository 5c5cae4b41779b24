package org.starhash.gateway.smpp;

import org.jsmpp.bean.Command;

/**
 * A decoded PDU: its header fields, the jsmpp bean of its body (the bare header for PDUs without a body we
 * read), or the reason its body could not be decoded.
 *
 * @param commandId the command_id
 * @param status    the command_status
 * @param sequence  the sequence_number
 * @param body      the decoded bean, null when {@code problem} is set
 * @param problem   why the body did not decode, null when it did
 * @param problemStatus the SMPP status that names the problem
 */
public record InboundPdu(int commandId, int status, int sequence, Command body, String problem, int problemStatus) {

    public boolean isMalformed() {
        return problem != null;
    }

    public boolean isResponse() {
        return (commandId & 0x80000000) != 0;
    }
}
