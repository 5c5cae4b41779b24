package org.starhash.gateway.smpp;

import java.util.Optional;

/** The ussd_service_op values (SMPP 3.4 §5.3.2.44) a USSD dialogue is made of. */
public enum UssdOp {
    /** A handset starts a dialogue that expects no answer. */
    PSSD_INDICATION(0),
    /** A handset starts a dialogue: the dialled string. */
    PSSR_INDICATION(1),
    /** A screen that wants an answer; without a dialogue before it, a question the network asks. */
    USSR_REQUEST(2),
    /** A notice the network sends, wanting no answer. */
    USSN_REQUEST(3),
    /** The final text of a dialogue. */
    PSSR_RESPONSE(17),
    /** The handset's answer to a screen. */
    USSR_CONFIRM(18);

    private final int value;

    UssdOp(int value) {
        this.value = value;
    }

    /** The TLV's value. */
    public byte value() {
        return (byte) value;
    }

    /** The op of a TLV value, empty for one this gateway does not know. */
    public static Optional<UssdOp> of(int value) {
        for (UssdOp op : values()) {
            if (op.value == value) {
                return Optional.of(op);
            }
        }
        return Optional.empty();
    }
}
