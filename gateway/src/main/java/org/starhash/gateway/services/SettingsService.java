package org.starhash.gateway.services;

import org.starhash.gateway.store.Flag;
import org.starhash.gateway.store.FlagSet;
import org.starhash.gateway.store.Flags;
import org.starhash.gateway.store.Lookup;
import org.starhash.gateway.store.Put;
import org.starhash.gateway.store.Subscriber;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Switches the caller's own settings on or off (menus {@code *122#} and {@code *121#}): each parameter names a
 * setting and says {@code on} or {@code off}. The menu's reply says what happened.
 */
public final class SettingsService implements Service {

    @Override
    public String name() {
        return "set";
    }

    @Override
    public Decision decide(Invocation call, Subscriber caller, Lookup state) {
        FlagSet flags = Flags.of(state, caller);
        for (Map.Entry<String, String> p : call.params().entrySet()) {
            Flag flag = Flag.byKey(p.getKey()).orElseThrow(() -> new IllegalArgumentException("unknown setting " + p.getKey()));
            flags = flags.with(flag, "on".equals(p.getValue()));
        }
        return new Decision("", List.of(new Put<>(Flags.TABLE, caller.msisdn(), flags)), List.of());
    }

    @Override
    public Optional<String> checkParams(Map<String, String> params) {
        if (params.isEmpty()) {
            return Optional.of("needs with: at least one setting and on or off, as { callback_block: on }");
        }
        for (Map.Entry<String, String> p : params.entrySet()) {
            if (Flag.byKey(p.getKey()).isEmpty()) {
                TreeSet<String> known = new TreeSet<>();
                for (Flag f : Flag.values()) {
                    known.add(f.key());
                }
                return Optional.of("unknown setting '" + p.getKey() + "'; known settings: " + String.join(", ", known));
            }
            if (!"on".equals(p.getValue()) && !"off".equals(p.getValue())) {
                return Optional.of(p.getKey() + ": '" + p.getValue() + "' must be on or off");
            }
        }
        return Optional.empty();
    }

    @Override
    public boolean answers() {
        return false;
    }
}
