package org.starhash.gateway.menu;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a menu file is checked against: the actions the gateway offers, the settings a text may show, and the
 * screen layout.
 *
 * @param actions    the services menus may call
 * @param stateNames placeholders every text may use, each showing a setting's state
 * @param stateWord  the longest word a state placeholder shows, to check that screens fit
 * @param screens    what fits a screen, and the navigation keys
 */
public record MenuRules(Actions actions, Set<String> stateNames, String stateWord, Screens screens) {

    public MenuRules {
        Objects.requireNonNull(actions, "actions");
        stateNames = Set.copyOf(stateNames);
        Objects.requireNonNull(stateWord, "stateWord");
        Objects.requireNonNull(screens, "screens");
    }

    /** The services a menu action may name. */
    public interface Actions {

        /** Every name, for messages. */
        Set<String> names();

        /** What is wrong with calling the named service with these parameters; empty when it is right. */
        Optional<String> problem(String name, Map<String, String> params);

        /** Whether the service answers with a text of its own, so that the menu may leave out the reply. */
        boolean answers(String name);
    }
}
