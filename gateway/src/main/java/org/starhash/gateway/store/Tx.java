package org.starhash.gateway.store;

/**
 * The view a transaction runs in: it reads what committed and earlier transactions of the same batch wrote,
 * and its own writes become durable together with the batch or not at all.
 */
public interface Tx extends Lookup {

    <V> void put(Table<V> table, String key, V value);

    void remove(Table<?> table, String key);

    /**
     * Stores a value under a key never used before (a fresh unique id). The store then knows no older value
     * exists, so a key inserted and removed between two checkpoints never reaches MapDB at all.
     */
    <V> void insert(Table<V> table, String key, V value);

    /** Stores a subscriber under its MSISDN. */
    default void put(Subscriber subscriber) {
        put(Subscribers.TABLE, subscriber.msisdn(), subscriber);
    }
}
