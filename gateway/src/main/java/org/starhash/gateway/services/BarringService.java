package org.starhash.gateway.services;

import org.starhash.gateway.config.ServiceSettings;
import org.starhash.gateway.config.TextKey;
import org.starhash.gateway.config.Texts;
import org.starhash.gateway.store.BarringPin;
import org.starhash.gateway.store.Flag;
import org.starhash.gateway.store.FlagSet;
import org.starhash.gateway.store.Flags;
import org.starhash.gateway.store.Lookup;
import org.starhash.gateway.store.Put;
import org.starhash.gateway.store.Subscriber;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Zapora storitev by the GSM codes (seed 002; 3GPP TS 22.030 and 22.088): {@code **33*PIN#} on, {@code #33*PIN#}
 * off and {@code *#33#} state for 33, 331, 332, 35 and 351; {@code #330*PIN#} (all), {@code #333*PIN#}
 * (outgoing) and {@code #353*PIN#} (incoming) off; {@code **03*330*OLD*NEW*NEW#} changes the PIN. They set the
 * same barrings as the menu {@code *121#}. Wrong PINs in a row lock changes until the operator resets the PIN.
 */
public final class BarringService implements Service {

    private static final Map<String, Flag> SINGLE = Map.of("33", Flag.BAR_OUTGOING, "331", Flag.BAR_INTERNATIONAL,
            "332", Flag.BAR_INTERNATIONAL_EXCEPT_HOME, "35", Flag.BAR_INCOMING, "351", Flag.BAR_INCOMING_ROAMING);
    private static final Map<String, List<Flag>> GROUPS = Map.of(
            "330", List.of(Flag.BAR_OUTGOING, Flag.BAR_INTERNATIONAL, Flag.BAR_INTERNATIONAL_EXCEPT_HOME,
                    Flag.BAR_INCOMING, Flag.BAR_INCOMING_ROAMING),
            "333", List.of(Flag.BAR_OUTGOING, Flag.BAR_INTERNATIONAL, Flag.BAR_INTERNATIONAL_EXCEPT_HOME),
            "353", List.of(Flag.BAR_INCOMING, Flag.BAR_INCOMING_ROAMING));
    private static final String CHANGE_PIN = "03";

    private final Texts texts;
    private final ServiceSettings settings;

    public BarringService(Texts texts, ServiceSettings settings) {
        this.texts = texts;
        this.settings = settings;
    }

    @Override
    public String name() {
        return "barring";
    }

    @Override
    public boolean inMenus() {
        return false;
    }

    @Override
    public Decision decide(Invocation call, Subscriber caller, Lookup state) {
        Optional<Procedure> procedure = Procedure.of(call.procedure());
        if (procedure.isEmpty()) {
            return unsupported(call);
        }
        if (call.code().equals(CHANGE_PIN)) {
            return changePin(call, caller, state, procedure.get());
        }
        Flag single = SINGLE.get(call.code());
        List<Flag> group = GROUPS.get(call.code());
        if (procedure.get() == Procedure.INTERROGATE) {
            if (single == null || !call.args().isEmpty()) {
                return unsupported(call);
            }
            boolean on = Flags.of(state, caller).has(single);
            return Decision.answer(texts.render(on ? TextKey.BARRING_ON : TextKey.BARRING_OFF, Map.of("type", label(single))));
        }
        boolean on = procedure.get() != Procedure.DEACTIVATE && procedure.get() != Procedure.ERASE;
        if (single == null && (group == null || on) || call.args().size() > 1) {
            return unsupported(call);
        }
        if (call.args().isEmpty() || call.args().get(0).isEmpty()) {
            return Decision.answer(texts.render(TextKey.BARRING_PIN_NEEDED, Map.of("code", call.procedure() + call.code())));
        }
        Optional<Decision> refused = checkPin(call, caller, state, call.args().get(0));
        if (refused.isPresent()) {
            return refused.get();
        }
        FlagSet flags = Flags.of(state, caller);
        for (Flag f : single != null ? List.of(single) : group) {
            flags = flags.with(f, on);
        }
        String text = single != null
                ? texts.render(on ? TextKey.BARRING_ON : TextKey.BARRING_OFF, Map.of("type", label(single)))
                : texts.render(TextKey.BARRING_ALL_OFF, Map.of());
        List<Put<?>> updates = new ArrayList<>();
        updates.add(new Put<>(Flags.TABLE, caller.msisdn(), flags));
        BarringPin pin = BarringPin.of(state, caller.msisdn(), settings.defaultBarringPin());
        if (pin.wrongInRow() > 0) {
            updates.add(new Put<>(BarringPin.TABLE, caller.msisdn(), pin.right()));
        }
        return new Decision(text, updates, List.of());
    }

    private Decision changePin(Invocation call, Subscriber caller, Lookup state, Procedure procedure) {
        List<String> a = call.args();
        if (procedure != Procedure.REGISTER && procedure != Procedure.ACTIVATE || a.size() != 4
                || !a.get(0).isEmpty() && !a.get(0).equals("330")) {
            return unsupported(call);
        }
        Optional<Decision> refused = checkPin(call, caller, state, a.get(1));
        if (refused.isPresent()) {
            return refused.get();
        }
        if (!a.get(2).equals(a.get(3))) {
            return Decision.answer(texts.render(TextKey.BARRING_PIN_MISMATCH, Map.of()));
        }
        if (!a.get(2).matches("[0-9]{4}")) {
            return Decision.answer(texts.render(TextKey.BARRING_PIN_FORMAT, Map.of()));
        }
        return new Decision(texts.render(TextKey.BARRING_PIN_CHANGED, Map.of()),
                List.of(new Put<>(BarringPin.TABLE, caller.msisdn(), new BarringPin(BarringPin.hash(caller.msisdn(), a.get(2)), 0))),
                List.of());
    }

    /** Refuses a locked PIN or a wrong one (counting it), or lets the change go on. */
    private Optional<Decision> checkPin(Invocation call, Subscriber caller, Lookup state, String typed) {
        BarringPin pin = BarringPin.of(state, caller.msisdn(), settings.defaultBarringPin());
        if (pin.wrongInRow() >= settings.maxWrongPins()) {
            return Optional.of(Decision.answer(texts.render(TextKey.BARRING_LOCKED, Map.of())));
        }
        if (pin.matches(caller.msisdn(), typed)) {
            return Optional.empty();
        }
        BarringPin counted = pin.wrong();
        int left = settings.maxWrongPins() - counted.wrongInRow();
        String text = left <= 0 ? texts.render(TextKey.BARRING_LOCKED, Map.of())
                : texts.render(TextKey.BARRING_PIN_WRONG, Map.of("left", Integer.toString(left)));
        return Optional.of(new Decision(text, List.of(new Put<>(BarringPin.TABLE, caller.msisdn(), counted)), List.of()));
    }

    private String label(Flag flag) {
        return switch (flag) {
            case BAR_OUTGOING -> texts.render(TextKey.BARRING_OUTGOING, Map.of());
            case BAR_INTERNATIONAL -> texts.render(TextKey.BARRING_INTERNATIONAL, Map.of());
            case BAR_INTERNATIONAL_EXCEPT_HOME -> texts.render(TextKey.BARRING_INTERNATIONAL_EXCEPT_HOME, Map.of());
            case BAR_INCOMING -> texts.render(TextKey.BARRING_INCOMING, Map.of());
            case BAR_INCOMING_ROAMING -> texts.render(TextKey.BARRING_INCOMING_ROAMING, Map.of());
            default -> throw new IllegalArgumentException("not a GSM call barring: " + flag);
        };
    }

    private Decision unsupported(Invocation call) {
        return Decision.answer(texts.render(TextKey.SS_UNSUPPORTED, Map.of("code", Procedure.shown(call))));
    }

    /**
     * The operator resets a subscriber's PIN (SERVICES.md §5): the default PIN applies again and changes are
     * unlocked; the decision's text is {@code reset}, for the admin API.
     */
    public static Decision resetPin(Subscriber subscriber) {
        return new Decision("reset", List.of(Put.removal(BarringPin.TABLE, subscriber.msisdn())), List.of());
    }
}
