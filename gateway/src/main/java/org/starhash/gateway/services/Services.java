package org.starhash.gateway.services;

import org.starhash.gateway.config.Texts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The built-in services by the names routes use. */
public final class Services {

    /** The names the config may route codes and keywords to, known before the texts are loaded. */
    public static final Set<String> NAMES = Set.of("balance", "spend");
    /** Services only menu actions call, because they need parameters. */
    public static final Set<String> ACTIONS_ONLY = Set.of("set");

    private Services() {
    }

    /** Every built-in service, set up with the configured texts. */
    public static Map<String, Service> builtIn(Texts texts) {
        Map<String, Service> byName = new LinkedHashMap<>();
        for (Service s : List.of(new BalanceService(texts), new SpendService(texts), new SettingsService())) {
            byName.put(s.name(), s);
        }
        Set<String> all = new java.util.HashSet<>(NAMES);
        all.addAll(ACTIONS_ONLY);
        if (!byName.keySet().equals(all)) {
            throw new IllegalStateException("service names out of step: " + byName.keySet() + " vs " + all);
        }
        return Map.copyOf(byName);
    }
}
