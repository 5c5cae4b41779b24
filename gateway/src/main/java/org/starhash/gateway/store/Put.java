package org.starhash.gateway.store;

import java.util.Objects;

/**
 * One value a decision stores.
 *
 * @param table where
 * @param key   under which key
 * @param value the new value
 */
public record Put<V>(Table<V> table, String key, V value) {

    public Put {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }

    public static Put<Subscriber> of(Subscriber subscriber) {
        return new Put<>(Subscribers.TABLE, subscriber.msisdn(), subscriber);
    }

    /** Applies it inside a transaction. */
    public void applyTo(Tx tx) {
        tx.put(table, key, value);
    }
}
