package org.starhash.gateway.services;

import org.starhash.gateway.store.Lookup;
import org.starhash.gateway.store.Subscriber;

/** A service a route can call; it decides from the state it reads and does no IO. */
public interface Service {

    /** The name routes in the config use. */
    String name();

    /** Decides the answer for a caller who is a subscriber of the network. */
    Decision decide(Invocation call, Subscriber caller, Lookup state);
}
