package org.starhash.gateway.engine;

import org.starhash.gateway.config.GatewayConfig;
import org.starhash.gateway.config.TextKey;
import org.starhash.gateway.config.Texts;
import org.starhash.gateway.menu.Check;
import org.starhash.gateway.menu.MenuLibrary;
import org.starhash.gateway.menu.MenuRules;
import org.starhash.gateway.menu.Screens;
import org.starhash.gateway.services.Service;
import org.starhash.gateway.store.Flag;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Ties menu files to the gateway: the screen texts and keys of the config, the services actions may name. */
public final class MenuSetup {

    private MenuSetup() {
    }

    /** The screen layout with the configured keys and texts. */
    public static Screens screens(GatewayConfig config) {
        Texts texts = config.texts();
        Screens.Labels labels = new Screens.Labels(texts.render(TextKey.USSD_MORE, Map.of()),
                texts.render(TextKey.USSD_BACK, Map.of()), texts.render(TextKey.USSD_HOME, Map.of()),
                texts.render(TextKey.USSD_WRONG_CHOICE, Map.of()), check -> inputError(texts, check));
        return new Screens(config.ussd().keys(), labels);
    }

    private static String inputError(Texts texts, Check check) {
        return switch (check.kind()) {
            case DIGITS -> texts.render(TextKey.USSD_INPUT_DIGITS, Map.of());
            case MSISDN -> texts.render(TextKey.USSD_INPUT_MSISDN, Map.of());
            case AMOUNT -> texts.render(TextKey.USSD_INPUT_AMOUNT, Map.of("amounts",
                    check.amounts().stream().map(String::valueOf).collect(Collectors.joining(", "))));
        };
    }

    /** What menu files are checked against. */
    public static MenuRules rules(GatewayConfig config, Map<String, Service> services) {
        MenuRules.Actions actions = new MenuRules.Actions() {
            @Override
            public Set<String> names() {
                return services.values().stream().filter(Service::inMenus).map(Service::name)
                        .collect(Collectors.toUnmodifiableSet());
            }

            @Override
            public Optional<String> problem(String name, Map<String, String> params) {
                return services.get(name).checkParams(params);
            }

            @Override
            public boolean answers(String name) {
                return services.get(name).answers();
            }
        };
        Set<String> states = Arrays.stream(Flag.values()).map(Flag::key).collect(Collectors.toUnmodifiableSet());
        // The longest word a state placeholder may show, so every screen is checked to fit with it.
        String longest = java.util.stream.Stream.of(TextKey.STATE_ON, TextKey.STATE_OFF, TextKey.STATE_LIMIT_REACHED)
                .map(k -> config.texts().render(k, Map.of())).max(java.util.Comparator.comparingInt(String::length)).orElseThrow();
        return new MenuRules(actions, states, longest, screens(config));
    }

    /** The menu library of a directory (the config's when none is given); an empty one when there is none. */
    public static MenuLibrary library(GatewayConfig config, Map<String, Service> services, Optional<Path> directory) {
        return new MenuLibrary(directory.or(() -> config.ussd().menus()), rules(config, services), config.ussdCodes());
    }
}
