package org.starhash.gateway.store;

import java.util.Objects;

/**
 * A named map of string keys to values of one type; the name is what the journal records, so it never changes.
 *
 * @param name  the table's stable name
 * @param codec how its values are stored
 */
public record Table<V>(String name, Codec<V> codec) {

    public Table {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(codec, "codec");
        if (!name.matches("[a-z][a-z0-9_]{0,30}")) {
            throw new IllegalArgumentException("table name must be lower-case letters, digits and _: " + name);
        }
    }
}
