package org.starhash.gateway.store;

import org.mapdb.DB;
import org.mapdb.DBMaker;
import org.mapdb.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The store's earlier layout, one MapDB file with MapDB's own transactions: read once into the first state
 * generation, then removed. A crash during the migration leaves the old file as it was, so it runs again.
 */
final class Legacy {

    private static final Logger LOG = LoggerFactory.getLogger(Legacy.class);
    private static final String FILE = "state.db";
    private static final String TABLE_PREFIX = "t_";

    interface Rows {
        void put(String table, String key, byte[] value);
    }

    private Legacy() {
    }

    /** Copies an old state file's rows, if there is one, and returns the journal sequence it held; else 0. */
    static long migrate(Path directory, Rows into) throws IOException {
        Path file = directory.resolve(FILE);
        if (!Files.exists(file)) {
            return 0;
        }
        long rows = 0;
        long seq;
        try (DB old = DBMaker.fileDB(file.toFile()).transactionEnable().make()) {
            seq = old.atomicLong("journal_checkpoint").createOrOpen().get();
            for (String name : old.getAllNames()) {
                if (name.startsWith(TABLE_PREFIX)) {
                    for (Map.Entry<String, byte[]> e : old.hashMap(name, Serializer.STRING, Serializer.BYTE_ARRAY)
                            .createOrOpen().entrySet()) {
                        into.put(name.substring(TABLE_PREFIX.length()), e.getKey(), e.getValue());
                        rows++;
                    }
                }
            }
        } catch (RuntimeException e) {
            throw new IOException("the state file " + file + " of the earlier layout cannot be read: " + e, e);
        }
        LOG.info("store migrated {} rows of {} (checkpoint {}) to two state generations", rows, file, seq);
        return seq;
    }

    /** Removes the old state file and MapDB's write-ahead files beside it, once a marker names the new state. */
    static void delete(Path directory, Disk disk) throws IOException {
        for (Path p : disk.list(directory)) {
            String name = p.getFileName().toString();
            if (name.equals(FILE) || name.startsWith(FILE + ".wal.")) {
                disk.delete(p);
            }
        }
    }
}
