package org.starhash.gateway.store;

import java.util.Optional;

/** Read access to stored values, the view a service decides on. */
public interface Lookup {

    <V> Optional<V> get(Table<V> table, String key);

    /** The subscriber with this normalized MSISDN, if the network has one. */
    default Optional<Subscriber> subscriber(String msisdn) {
        return get(Subscribers.TABLE, msisdn);
    }
}
