package org.starhash.gateway.services;

import org.starhash.gateway.store.Lookup;
import org.starhash.gateway.store.Subscriber;

import java.util.Map;
import java.util.Optional;

/** A service a route or a menu action can call; it decides from the state it reads and does no IO. */
public interface Service {

    /** The name routes and menu files use. */
    String name();

    /** Decides the answer for a caller who is a subscriber of the network. */
    Decision decide(Invocation call, Subscriber caller, Lookup state);

    /** What is wrong with the parameters a menu action gives; empty when they are right. */
    default Optional<String> checkParams(Map<String, String> params) {
        return params.isEmpty() ? Optional.empty() : Optional.of("takes no parameters (with:)");
    }

    /** Whether a menu file may name it as an action; services that read a dialled string's parts may not. */
    default boolean inMenus() {
        return true;
    }

    /** Whether the decision carries a text of its own; a menu must give the reply of a service that does not. */
    default boolean answers() {
        return true;
    }
}
