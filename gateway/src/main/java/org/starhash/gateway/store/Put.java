package org.starhash.gateway.store;

import java.util.Objects;
import java.util.Optional;

/**
 * One value a decision stores, or a key it removes ({@link #removal}), so what the key defaults to applies again.
 *
 * @param table where
 * @param key   under which key
 * @param value the new value; empty only for a removal
 */
public record Put<V>(Table<V> table, String key, Optional<V> value) {

    public Put {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }

    /** Stores a value; a null value is a bug of the decision, refused here rather than taken as a removal. */
    public Put(Table<V> table, String key, V value) {
        this(table, key, Optional.of(Objects.requireNonNull(value, "value")));
    }

    /** Removes a key. */
    public static <V> Put<V> removal(Table<V> table, String key) {
        return new Put<>(table, key, Optional.empty());
    }

    public static Put<Subscriber> of(Subscriber subscriber) {
        return new Put<>(Subscribers.TABLE, subscriber.msisdn(), subscriber);
    }

    /** Applies it inside a transaction. */
    public void applyTo(Tx tx) {
        value.ifPresentOrElse(v -> tx.put(table, key, v), () -> tx.remove(table, key));
    }
}
