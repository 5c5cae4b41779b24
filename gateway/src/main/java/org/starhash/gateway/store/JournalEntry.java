package org.starhash.gateway.store;

import java.util.Objects;

/**
 * One after-image in the journal: the new bytes of a key, or its removal when {@code value} is null.
 *
 * @param table the table's name
 * @param key   the key
 * @param value the encoded value, or null for a removal
 */
record JournalEntry(String table, String key, byte[] value) {

    JournalEntry {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(key, "key");
    }

    boolean isRemoval() {
        return value == null;
    }
}
