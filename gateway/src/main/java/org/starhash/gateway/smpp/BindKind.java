package org.starhash.gateway.smpp;

import org.jsmpp.SMPPConstant;

/** The three ways to bind, and what each may do. */
enum BindKind {
    TRANSMITTER(SMPPConstant.CID_BIND_TRANSMITTER, true, false),
    RECEIVER(SMPPConstant.CID_BIND_RECEIVER, false, true),
    TRANSCEIVER(SMPPConstant.CID_BIND_TRANSCEIVER, true, true);

    private final int commandId;
    private final boolean transmits;
    private final boolean receives;

    BindKind(int commandId, boolean transmits, boolean receives) {
        this.commandId = commandId;
        this.transmits = transmits;
        this.receives = receives;
    }

    static BindKind of(int commandId) {
        for (BindKind k : values()) {
            if (k.commandId == commandId) {
                return k;
            }
        }
        throw new IllegalArgumentException("not a bind: " + commandId);
    }

    /** May send submit_sm / data_sm to us. */
    boolean transmits() {
        return transmits;
    }

    /** May be sent deliver_sm (or our submit_sm) by us. */
    boolean receives() {
        return receives;
    }
}
