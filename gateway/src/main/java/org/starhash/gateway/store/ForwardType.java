package org.starhash.gateway.store;

import java.util.Optional;

/** The call forwardings of 3GPP TS 22.030 by their service codes; the codes are fixed by the standard. */
public enum ForwardType {
    /** Unconditional (CFU). */
    ALL("21"),
    /** When busy (CFB). */
    BUSY("67"),
    /** When not answered (CFNRY), after a ring time. */
    NO_REPLY("61"),
    /** When not reachable (CFNRC). */
    NOT_REACHABLE("62");

    private final String code;

    ForwardType(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<ForwardType> byCode(String code) {
        for (ForwardType t : values()) {
            if (t.code.equals(code)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
