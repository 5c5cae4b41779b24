package org.starhash.gateway.services;

import org.starhash.gateway.config.Texts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The built-in services by the names routes use. */
public final class Services {

    /** The names the config may route to, known before the texts are loaded. */
    public static final Set<String> NAMES = Set.of("balance", "spend");

    private Services() {
    }

    /** Every built-in service, set up with the configured texts. */
    public static Map<String, Service> builtIn(Texts texts) {
        Map<String, Service> byName = new LinkedHashMap<>();
        for (Service s : List.of(new BalanceService(texts), new SpendService(texts))) {
            byName.put(s.name(), s);
        }
        if (!byName.keySet().equals(NAMES)) {
            throw new IllegalStateException("service names out of step: " + byName.keySet() + " vs " + NAMES);
        }
        return Map.copyOf(byName);
    }
}
