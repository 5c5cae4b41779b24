package org.starhash.gateway.store;

/**
 * A key of a table, as the writer's in-memory maps hold it.
 *
 * @param table the table's name
 * @param key   the key within it
 */
record TableKey(String table, String key) {
}
