package org.starhash.gateway.services;

import org.starhash.gateway.config.ServiceSettings;
import org.starhash.gateway.config.TextKey;
import org.starhash.gateway.config.Texts;
import org.starhash.gateway.store.Forward;
import org.starhash.gateway.store.ForwardType;
import org.starhash.gateway.store.Forwardings;
import org.starhash.gateway.store.Lookup;
import org.starhash.gateway.store.Put;
import org.starhash.gateway.store.Subscriber;
import org.starhash.gateway.values.Numbering;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Preusmeritev klica (seed 002; 3GPP TS 22.030 and 22.082): register {@code **SC*NUMBER#}, activate
 * {@code *SC#}, deactivate {@code #SC#}, erase {@code ##SC#} and interrogate {@code *#SC#} for the codes 21, 67,
 * 61 (with a ring time, {@code **61*NUMBER*T#}) and 62; {@code ##002#} erases all, {@code ##004#} the
 * conditional ones.
 */
public final class ForwardingService implements Service {

    private static final String ALL = "002";
    private static final String ALL_CONDITIONAL = "004";

    private final Texts texts;
    private final Numbering numbering;
    private final ServiceSettings settings;

    public ForwardingService(Texts texts, Numbering numbering, ServiceSettings settings) {
        this.texts = texts;
        this.numbering = numbering;
        this.settings = settings;
    }

    @Override
    public String name() {
        return "forwarding";
    }

    @Override
    public boolean inMenus() {
        return false;
    }

    @Override
    public Decision decide(Invocation call, Subscriber caller, Lookup state) {
        Forwardings now = Forwardings.of(state, caller.msisdn());
        Optional<Procedure> procedure = Procedure.of(call.procedure());
        Optional<ForwardType> type = ForwardType.byCode(call.code());
        if (procedure.isEmpty()) {
            return unsupported(call);
        }
        if (type.isEmpty()) {
            if (procedure.get() != Procedure.ERASE || !call.args().isEmpty()
                    || !call.code().equals(ALL) && !call.code().equals(ALL_CONDITIONAL)) {
                return unsupported(call);
            }
            Set<ForwardType> erased = call.code().equals(ALL) ? EnumSet.allOf(ForwardType.class)
                    : EnumSet.of(ForwardType.BUSY, ForwardType.NO_REPLY, ForwardType.NOT_REACHABLE);
            Forwardings left = now;
            for (ForwardType t : erased) {
                left = left.without(t);
            }
            return store(caller, left, texts.render(TextKey.FORWARDING_ERASED_ALL, Map.of()));
        }
        ForwardType t = type.get();
        Optional<Forward> registered = now.get(t);
        switch (procedure.get()) {
            case INTERROGATE:
                if (!call.args().isEmpty()) {
                    return unsupported(call);
                }
                return Decision.answer(registered.filter(Forward::active).map(f -> on(t, f))
                        .orElse(texts.render(TextKey.FORWARDING_OFF, Map.of("type", label(t, settings.defaultRingSeconds())))));
            case DEACTIVATE:
                if (!call.args().isEmpty()) {
                    return unsupported(call);
                }
                return store(caller, registered.map(f -> now.with(t, f.withActive(false))).orElse(now),
                        texts.render(TextKey.FORWARDING_OFF, Map.of("type", label(t, ring(registered)))));
            case ERASE:
                if (!call.args().isEmpty()) {
                    return unsupported(call);
                }
                return store(caller, now.without(t),
                        texts.render(TextKey.FORWARDING_ERASED, Map.of("type", label(t, ring(registered)))));
            default:
                return register(call, procedure.get(), caller, now, t, registered);
        }
    }

    /** Register or activate: with a number it registers and activates; without one it activates what is registered. */
    private Decision register(Invocation call, Procedure procedure, Subscriber caller, Forwardings now, ForwardType t,
                              Optional<Forward> registered) {
        List<String> args = call.args();
        int most = t == ForwardType.NO_REPLY ? 2 : 1;
        if (args.size() > most) {
            return unsupported(call);
        }
        if (args.isEmpty() || args.get(0).isEmpty()) {
            if (procedure == Procedure.ACTIVATE && registered.isPresent()) {
                Forward active = registered.get().withActive(true);
                return store(caller, now.with(t, active), on(t, active));
            }
            return Decision.answer(texts.render(TextKey.FORWARDING_NO_NUMBER,
                    Map.of("type", label(t, settings.defaultRingSeconds()), "code", t.code())));
        }
        Optional<String> number = numbering.normalize(args.get(0));
        if (number.isEmpty()) {
            return Decision.answer(texts.render(TextKey.NUMBER_INVALID, Map.of("number", Shown.typed(args.get(0)))));
        }
        if (number.get().equals(caller.msisdn())) {
            return Decision.answer(texts.render(TextKey.NUMBER_OWN, Map.of()));
        }
        int ring = settings.defaultRingSeconds();
        if (args.size() == 2) {
            ring = ringSeconds(args.get(1));
            if (ring < 0) {
                return Decision.answer(texts.render(TextKey.FORWARDING_RING_TIME, Map.of(
                        "min", Integer.toString(ServiceSettings.MIN_RING_SECONDS),
                        "max", Integer.toString(ServiceSettings.MAX_RING_SECONDS))));
            }
        }
        Forward forward = new Forward(number.get(), true, ring);
        return store(caller, now.with(t, forward), on(t, forward));
    }

    private static int ringSeconds(String typed) {
        if (!typed.matches("[0-9]{1,2}")) {
            return -1;
        }
        int seconds = Integer.parseInt(typed);
        return seconds >= ServiceSettings.MIN_RING_SECONDS && seconds <= ServiceSettings.MAX_RING_SECONDS ? seconds : -1;
    }

    private int ring(Optional<Forward> registered) {
        return registered.map(Forward::ringSeconds).orElse(settings.defaultRingSeconds());
    }

    private String on(ForwardType t, Forward f) {
        return texts.render(TextKey.FORWARDING_ON, Map.of("type", label(t, f.ringSeconds()),
                "number", numbering.national(f.number())));
    }

    private String label(ForwardType t, int ringSeconds) {
        return switch (t) {
            case ALL -> texts.render(TextKey.FORWARDING_ALL, Map.of());
            case BUSY -> texts.render(TextKey.FORWARDING_BUSY, Map.of());
            case NO_REPLY -> texts.render(TextKey.FORWARDING_NO_REPLY, Map.of("seconds", Integer.toString(ringSeconds)));
            case NOT_REACHABLE -> texts.render(TextKey.FORWARDING_NOT_REACHABLE, Map.of());
        };
    }

    private static Decision store(Subscriber caller, Forwardings next, String text) {
        return new Decision(text, List.of(new Put<>(Forwardings.TABLE, caller.msisdn(), next)), List.of());
    }

    private Decision unsupported(Invocation call) {
        return Decision.answer(texts.render(TextKey.SS_UNSUPPORTED, Map.of("code", Procedure.shown(call))));
    }
}
