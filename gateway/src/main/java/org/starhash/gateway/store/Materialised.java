package org.starhash.gateway.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The durable state as the writer reads it: the state file of the last complete checkpoint, the overlay of the
 * durable changes since, and a cache of state-file values in front of it. Read and changed only with the writer's
 * state lock held (by the writer, or by a read on its caller's thread).
 */
final class Materialised {

    private static final Logger LOG = LoggerFactory.getLogger(Store.class);

    private final Generations state;
    private final Overlay overlay;
    private final ReadCache cache;

    Materialised(Generations state, Overlay overlay, ReadCache cache) {
        this.state = state;
        this.overlay = overlay;
        this.cache = cache;
    }

    Overlay overlay() {
        return overlay;
    }

    /**
     * A change made durable: it joins the overlay and the cache. A new key and a removed one only leave the cache
     * (where a new key may be remembered as absent), so that bulk inserts and removals do not push out the values
     * read often; the overlay answers for them until a checkpoint has written them.
     */
    void committed(TableKey key, byte[] value, boolean isNew) {
        overlay.put(key, value == null ? Overlay.REMOVED : value, isNew);
        if (isNew || value == null) {
            cache.forget(key);
        } else {
            cache.put(key, value);
        }
    }

    /** Fills the cache from the state file, so the first requests after a start do not each pay a lookup. */
    void warmCache() {
        long started = System.nanoTime();
        Generations.View complete = state.complete();
        for (String table : state.tables()) {
            for (Map.Entry<String, byte[]> e : complete.table(table).entrySet()) {
                if (cache.isFull()) {
                    break;
                }
                cache.put(new TableKey(table, e.getKey()), e.getValue());
            }
        }
        // The journal replayed at start is newer than the state file: what it changed must be read from the overlay
        // now and from the state file once a checkpoint has written it, never from what was warmed before it.
        overlay.newest().keySet().forEach(cache::forget);
        if (cache.size() > 0) {
            LOG.info("store cache warmed with {} values in {} ms", cache.size(), (System.nanoTime() - started) / 1_000_000);
        }
    }

    /** The newest durable bytes of a key, or null. */
    byte[] get(TableKey key) {
        byte[] bytes = overlay.get(key);
        if (bytes == null) {
            bytes = cache.get(key);
            if (bytes == null) {
                bytes = state.get(key.table(), key.key());
                cache.put(key, bytes == null ? ReadCache.ABSENT : bytes);
            }
            return bytes == ReadCache.ABSENT ? null : bytes;
        }
        return bytes == Overlay.REMOVED ? null : bytes;
    }

    /** The state file's count corrected by the overlay, without copying the table. */
    int sizeOf(String table) {
        // One generation throughout: a checkpoint may complete meanwhile.
        Generations.View complete = state.complete();
        int[] size = {complete.table(table).size()};
        overlay.newest().forEach((k, v) -> {
            if (k.table().equals(table)) {
                boolean there = complete.contains(table, k.key());
                if (v == Overlay.REMOVED && there) {
                    size[0]--;
                } else if (v != Overlay.REMOVED && !there) {
                    size[0]++;
                }
            }
        });
        return size[0];
    }

    /** The table as the state file and the overlay have it together. */
    Map<String, byte[]> snapshot(String table) {
        Map<String, byte[]> rows = new HashMap<>(state.complete().table(table));
        overlay.newest().forEach((k, v) -> {
            if (k.table().equals(table)) {
                if (v == Overlay.REMOVED) {
                    rows.remove(k.key());
                } else {
                    rows.put(k.key(), v);
                }
            }
        });
        return rows;
    }

    /** Up to {@code limit} rows of a table that {@code wanted} accepts, newest changes first. */
    Map<String, byte[]> some(String table, int limit, Predicate<String> wanted) {
        Map<String, byte[]> rows = new HashMap<>();
        Set<String> changed = new HashSet<>();
        overlay.newest().forEach((k, v) -> {
            if (k.table().equals(table)) {
                changed.add(k.key());
                if (v != Overlay.REMOVED && rows.size() < limit && wanted.test(k.key())) {
                    rows.put(k.key(), v);
                }
            }
        });
        for (Map.Entry<String, byte[]> e : state.complete().table(table).entrySet()) {
            if (rows.size() >= limit) {
                break;
            }
            if (!changed.contains(e.getKey()) && wanted.test(e.getKey())) {
                rows.put(e.getKey(), e.getValue());
            }
        }
        return rows;
    }
}
