package org.starhash.gateway.services;

import java.util.Optional;

/** The procedures of a supplementary-service string by its prefix (3GPP TS 22.030 §6.5.2). */
enum Procedure {
    ACTIVATE("*"),
    DEACTIVATE("#"),
    INTERROGATE("*#"),
    REGISTER("**"),
    ERASE("##");

    private final String prefix;

    Procedure(String prefix) {
        this.prefix = prefix;
    }

    static Optional<Procedure> of(String prefix) {
        for (Procedure p : values()) {
            if (p.prefix.equals(prefix)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The dialled string as a text may show it back, its parts (PINs, numbers) left out. */
    static String shown(Invocation call) {
        return call.procedure() + call.code() + (call.args().isEmpty() ? "" : "*…") + "#";
    }
}
