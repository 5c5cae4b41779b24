package org.starhash.gateway.config;

import org.starhash.gateway.menu.Screens;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * USSD routes and dialogues.
 *
 * @param codes           built-in service names by service code
 * @param menus           the directory of menu files, if there is one
 * @param dialogueTimeout how long an open dialogue waits for the subscriber's answer
 * @param itsSessionInfo  echo the dialogue reference in its_session_info instead of user_message_reference
 * @param keys            the navigation answers
 * @param menuReload      how often the menu directory is checked for changes
 */
public record UssdSettings(Map<String, String> codes, Optional<Path> menus, Duration dialogueTimeout,
                           boolean itsSessionInfo, Screens.Keys keys, Duration menuReload) {

    public UssdSettings {
        codes = Map.copyOf(codes);
        Objects.requireNonNull(menus, "menus");
        Objects.requireNonNull(dialogueTimeout, "dialogueTimeout");
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(menuReload, "menuReload");
    }

    /** The same settings with another menu directory; tests use a copy they may break. */
    public UssdSettings withMenus(Path directory) {
        return new UssdSettings(codes, Optional.of(directory), dialogueTimeout, itsSessionInfo, keys, menuReload);
    }
}
