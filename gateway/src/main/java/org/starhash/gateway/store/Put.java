package org.starhash.gateway.store;

import java.util.Objects;

/**
 * One value a decision stores.
 *
 * @param table where
 * @param key   under which key
 * @param value the new value, or null when the decision removes the key ({@link #removal})
 */
public record Put<V>(Table<V> table, String key, V value) {

    public Put {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(key, "key");
    }

    /** A decision that removes a key, so what the key defaults to applies again. */
    public static <V> Put<V> removal(Table<V> table, String key) {
        return new Put<>(table, key, null);
    }

    public static Put<Subscriber> of(Subscriber subscriber) {
        return new Put<>(Subscribers.TABLE, subscriber.msisdn(), subscriber);
    }

    /** Applies it inside a transaction. */
    public void applyTo(Tx tx) {
        if (value == null) {
            tx.remove(table, key);
        } else {
            tx.put(table, key, value);
        }
    }
}
