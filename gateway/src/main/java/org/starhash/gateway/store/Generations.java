package org.starhash.gateway.store;

import org.mapdb.DB;
import org.mapdb.DBMaker;
import org.mapdb.HTreeMap;
import org.mapdb.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The materialised state in two MapDB files that take turns: a checkpoint writes into the older one while
 * reads go to the newer, and only a marker written after the checkpoint's force names it complete. MapDB's own
 * commit is not atomic under an I/O error, so a file a checkpoint failed in is never opened again: it is
 * rebuilt as a copy of the complete one. Everything is opened at start, so no new descriptor is needed while
 * the gateway runs unless a rebuild is.
 */
final class Generations implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Generations.class);
    private static final String TABLE_PREFIX = "t_";

    private final Path directory;
    private final Disk disk;
    private final FileChannel[] slots = new FileChannel[2];
    /** Kept open to force the names of new state files, so that needs no descriptor when none may be left. */
    private FileChannel directoryChannel;
    private final Generation[] generations = new Generation[2];
    private volatile CheckpointMarker marker;

    private Generations(Path directory, Disk disk) {
        this.directory = directory;
        this.disk = disk;
    }

    /** The complete state as one generation has it, for a reader that must not see two of them mixed. */
    interface View {
        byte[] get(String table, String key);

        boolean contains(String table, String key);

        /** The rows of a table; read only. */
        Map<String, byte[]> table(String table);
    }

    /** One state file and, while it is open, its MapDB and tables. */
    private final class Generation implements View {
        final Path file;
        DB db;
        FileChannel channel;
        final Map<String, HTreeMap<String, byte[]>> maps = new ConcurrentHashMap<>();
        /**
         * Tables this file was found not to hold: asking MapDB again deserialises its whole name catalogue, which
         * cost more than the rest of a read of a table no checkpoint has reached yet. A read adds one it finds missing;
         * {@link #writing} takes it out before it creates the table.
         */
        final Set<String> missing = ConcurrentHashMap.newKeySet();

        Generation(int n) {
            this.file = directory.resolve("state-" + n + ".db");
        }

        void open(boolean create) throws IOException {
            FileChannel channel = disk.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE,
                    create ? StandardOpenOption.CREATE_NEW : StandardOpenOption.READ);
            this.channel = channel;
            try {
                db = DBMaker.volumeDB(new ChannelVolume(channel, file.toFile()), !create).make();
                if (create) {
                    db.commit();
                }
            } catch (RuntimeException | IOException e) {
                channel.close();
                db = null;
                throw e instanceof IOException io ? io : new IOException("state file " + file + " cannot be opened: " + e, e);
            }
        }

        /** A table to read; null when this file has none, since reading must never write. */
        HTreeMap<String, byte[]> reading(String table) {
            HTreeMap<String, byte[]> map = maps.get(table);
            if (map == null && !missing.contains(table)) {
                if (db.exists(TABLE_PREFIX + table)) {
                    map = maps.computeIfAbsent(table, this::openMap);
                } else {
                    missing.add(table);
                    map = maps.get(table);
                    if (map != null) {
                        missing.remove(table); // a checkpoint created the table meanwhile
                    }
                }
            }
            return map;
        }

        @Override
        public byte[] get(String table, String key) {
            HTreeMap<String, byte[]> map = reading(table);
            return map == null ? null : map.get(key);
        }

        @Override
        public boolean contains(String table, String key) {
            HTreeMap<String, byte[]> map = reading(table);
            return map != null && map.containsKey(key);
        }

        @Override
        public Map<String, byte[]> table(String table) {
            HTreeMap<String, byte[]> map = reading(table);
            return map == null ? Map.of() : map;
        }

        HTreeMap<String, byte[]> writing(String table) {
            missing.remove(table);
            return maps.computeIfAbsent(table, this::openMap);
        }

        private HTreeMap<String, byte[]> openMap(String table) {
            return db.hashMap(TABLE_PREFIX + table, Serializer.STRING, Serializer.BYTE_ARRAY).createOrOpen();
        }

        /** Closes without trusting what is in it: after a failed write it may be torn. */
        void discard() {
            maps.clear();
            missing.clear();
            if (db != null) {
                try {
                    db.close();
                } catch (RuntimeException e) {
                    LOG.debug("state file {} did not close cleanly: {}", file, e.toString());
                }
                db = null;
            }
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException e) {
                    LOG.debug("state file {} did not close: {}", file, e.toString());
                }
                channel = null;
            }
        }
    }

    /** Opens the complete generation named by the marker, and the other one too when it is whole. */
    static Generations open(Path directory, Disk disk) throws IOException {
        Generations g = new Generations(directory, disk);
        try {
            g.openAll();
        } catch (IOException | RuntimeException e) {
            g.close();
            throw e;
        }
        return g;
    }

    private void openAll() throws IOException {
        directoryChannel = disk.open(directory, StandardOpenOption.READ);
        for (int i = 0; i < 2; i++) {
            slots[i] = disk.open(directory.resolve("checkpoint." + i), StandardOpenOption.CREATE,
                    StandardOpenOption.READ, StandardOpenOption.WRITE);
            generations[i] = new Generation(i);
        }
        directoryChannel.force(true);
        Optional<CheckpointMarker> found = readMarker();
        if (found.isEmpty()) {
            // No checkpoint was ever completed: no change was acknowledged from a state file yet.
            disk.delete(generations[0].file);
            disk.delete(generations[1].file);
            generations[0].open(true);
            long seq = Legacy.migrate(directory, this::writeInto);
            generations[0].db.commit();
            directoryChannel.force(true);
            CheckpointMarker first = new CheckpointMarker(0, 0, seq, -1);
            writeMarker(first);
            Legacy.delete(directory, disk);
            marker = first;
        } else {
            marker = found.get();
            Legacy.delete(directory, disk);
            Generation current = generations[marker.current()];
            try {
                current.open(false);
            } catch (IOException e) {
                throw new IOException("the complete state file " + current.file + " (checkpoint " + marker.currentSeq()
                        + ") cannot be opened: " + e.getMessage(), e);
            }
            Generation other = generations[marker.other()];
            if (marker.otherUsable()) {
                try {
                    other.open(false);
                } catch (IOException e) {
                    LOG.warn("state file {} cannot be opened ({}); it is rebuilt from {} at the next checkpoint",
                            other.file, e.getMessage(), current.file);
                    other.discard();
                    disk.delete(other.file);
                    marker = marker.otherTouched();
                    writeMarker(marker);
                }
            } else {
                // Left by a checkpoint that did not complete: never trusted, rebuilt when needed.
                disk.delete(other.file);
            }
        }
    }

    private Optional<CheckpointMarker> readMarker() throws IOException {
        CheckpointMarker best = null;
        for (FileChannel slot : slots) {
            ByteBuffer bytes = ByteBuffer.allocate(CheckpointMarker.BYTES);
            long at = 0;
            while (bytes.hasRemaining()) {
                int n = slot.read(bytes, at);
                if (n < 0) {
                    break;
                }
                at += n;
            }
            Optional<CheckpointMarker> m = CheckpointMarker.decode(bytes.flip());
            if (m.isPresent() && (best == null || m.get().counter() > best.counter())) {
                best = m.get();
            }
        }
        return Optional.ofNullable(best);
    }

    private void writeMarker(CheckpointMarker next) throws IOException {
        FileChannel slot = slots[next.slot()];
        ByteBuffer bytes = next.encode();
        long at = 0;
        while (bytes.hasRemaining()) {
            at += slot.write(bytes, at);
        }
        slot.force(true);
    }

    /** The journal sequence the complete state holds everything up to. */
    long currentSeq() {
        return marker.currentSeq();
    }

    /** The oldest sequence a state file still needs the journal from: what must be kept. */
    long oldestNeeded() {
        return marker.otherUsable() ? marker.otherSeq() : marker.currentSeq();
    }

    /** The complete generation now; a checkpoint that completes meanwhile does not change what it reads. */
    View complete() {
        return generations[marker.current()];
    }

    /** The complete state's bytes of a key, or null. */
    byte[] get(String table, String key) {
        return complete().get(table, key);
    }

    List<String> tables() {
        List<String> names = new ArrayList<>();
        for (String name : generations[marker.current()].db.getAllNames()) {
            if (name.startsWith(TABLE_PREFIX)) {
                names.add(name.substring(TABLE_PREFIX.length()));
            }
        }
        return names;
    }

    /**
     * Writes a checkpoint of {@code seq} into the other generation and names it complete. {@code older} holds
     * the changes the other generation lacks from before the complete one's sequence, {@code changes} those
     * after it; a failure leaves the complete generation as it was and the other one to be rebuilt.
     */
    void checkpoint(Map<TableKey, byte[]> older, Map<TableKey, byte[]> changes, long seq) throws IOException {
        CheckpointMarker before = marker;
        Generation target = generations[before.other()];
        try {
            boolean rebuild = !before.otherUsable() || target.db == null;
            CheckpointMarker touched = before.otherTouched();
            writeMarker(touched);
            marker = touched;
            if (rebuild) {
                target.discard();
                copy(generations[before.current()].file, target.file);
                directoryChannel.force(true);
                target.open(false);
            } else {
                older.forEach((k, v) -> {
                    if (!changes.containsKey(k)) {
                        put(target, k, v);
                    }
                });
            }
            changes.forEach((k, v) -> put(target, k, v));
            target.db.commit();
            CheckpointMarker done = touched.completed(seq);
            writeMarker(done);
            marker = done;
        } catch (IOException | RuntimeException e) {
            target.discard();
            throw e instanceof IOException io ? io : new IOException(e.toString(), e);
        }
    }

    private static void put(Generation target, TableKey k, byte[] v) {
        if (v == Overlay.REMOVED) {
            HTreeMap<String, byte[]> map = target.reading(k.table());
            if (map != null) {
                map.remove(k.key());
            }
        } else {
            target.writing(k.table()).put(k.key(), v);
        }
    }

    /** Writes rows into the first generation; for the migration of a store of the earlier layout. */
    private void writeInto(String table, String key, byte[] value) {
        generations[0].writing(table).put(key, value);
    }

    private void copy(Path from, Path to) throws IOException {
        disk.delete(to);
        try (FileChannel in = disk.open(from, StandardOpenOption.READ);
             FileChannel out = disk.open(to, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            long size = in.size();
            long at = 0;
            while (at < size) {
                at += in.transferTo(at, size - at, out);
            }
            out.force(true);
        } catch (IOException | RuntimeException e) {
            try {
                disk.delete(to);
            } catch (IOException ignored) {
                // removed at the next rebuild or start
            }
            throw e;
        }
    }

    @Override
    public void close() {
        for (Generation g : generations) {
            if (g != null) {
                g.discard();
            }
        }
        for (FileChannel slot : new FileChannel[] {slots[0], slots[1], directoryChannel}) {
            if (slot != null) {
                try {
                    slot.close();
                } catch (IOException e) {
                    LOG.debug("checkpoint marker did not close: {}", e.toString());
                }
            }
        }
    }
}
