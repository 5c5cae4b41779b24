package org.starhash.gateway.services;

import org.starhash.gateway.config.TextKey;
import org.starhash.gateway.config.Texts;
import org.starhash.gateway.store.Flag;
import org.starhash.gateway.store.FlagSet;
import org.starhash.gateway.store.Flags;
import org.starhash.gateway.store.Lookup;
import org.starhash.gateway.store.Put;
import org.starhash.gateway.store.Subscriber;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Čakajoči klic (seed 002, TS 22.030 code 43): {@code *43#} on, {@code #43#} off, {@code *#43#} its state. */
public final class CallWaitingService implements Service {

    private final Texts texts;

    public CallWaitingService(Texts texts) {
        this.texts = texts;
    }

    @Override
    public String name() {
        return "call_waiting";
    }

    @Override
    public boolean inMenus() {
        return false;
    }

    @Override
    public Decision decide(Invocation call, Subscriber caller, Lookup state) {
        FlagSet flags = Flags.of(state, caller);
        Optional<Procedure> procedure = Procedure.of(call.procedure());
        if (procedure.isEmpty() || !call.args().isEmpty()
                || procedure.get() == Procedure.REGISTER || procedure.get() == Procedure.ERASE) {
            return Decision.answer(texts.render(TextKey.SS_UNSUPPORTED, Map.of("code", Procedure.shown(call))));
        }
        if (procedure.get() == Procedure.INTERROGATE) {
            return Decision.answer(state(flags.has(Flag.CALL_WAITING)));
        }
        boolean on = procedure.get() == Procedure.ACTIVATE;
        return new Decision(state(on), List.of(new Put<>(Flags.TABLE, caller.msisdn(), flags.with(Flag.CALL_WAITING, on))),
                List.of());
    }

    private String state(boolean on) {
        return texts.render(on ? TextKey.CALL_WAITING_ON : TextKey.CALL_WAITING_OFF, Map.of());
    }
}
