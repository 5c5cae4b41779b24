package org.starhash.gateway.store;

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
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * The append-only journal, the source of truth: segment files named by the first sequence they hold. A record
 * is acknowledged only once forced; a write or force that fails is cut back off, and the next record starts a
 * segment of its own, which also voids whatever of the failed record could not be cut off (a later segment
 * wins over records of the same sequences in an earlier one). A torn record is dropped at open where nothing
 * after it is missing; a gap in the sequences stops the open, because acknowledged changes would be lost.
 */
final class Journal implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Journal.class);
    private static final String SUFFIX = ".journal";
    /** Created ahead, so that starting a segment needs no new descriptor when none may be left. */
    private static final String SPARE = "next.spare";

    private final Path directory;
    private final Disk disk;
    private final long segmentBytes;
    private final TreeMap<Long, Path> segments = new TreeMap<>();
    private FileChannel directoryChannel;
    private FileChannel current;
    private FileChannel spare;
    /** A segment whose failed write could not be cut off yet; tried again before each write and at close. */
    private FileChannel abandoned;
    private long abandonedCut;
    private long currentSize;
    private long syncedSize;
    private long lastSeq;
    private long syncedSeq;

    private Journal(Path directory, Disk disk, long segmentBytes) {
        this.directory = directory;
        this.disk = disk;
        this.segmentBytes = segmentBytes;
    }

    static Journal open(Path directory, long segmentBytes, long fromSeq,
                        BiConsumer<Long, List<JournalEntry>> replay) throws IOException {
        return open(directory, Disk.REAL, segmentBytes, fromSeq, replay);
    }

    /**
     * Opens the journal in {@code directory}, handing every record after {@code fromSeq} to {@code replay} in
     * order, and returns it ready to append after the last good record.
     */
    static Journal open(Path directory, Disk disk, long segmentBytes, long fromSeq,
                        BiConsumer<Long, List<JournalEntry>> replay) throws IOException {
        disk.createDirectories(directory);
        Journal journal = new Journal(directory, disk, segmentBytes);
        try {
            journal.replayAll(fromSeq, replay);
            journal.directoryChannel = disk.open(directory, StandardOpenOption.READ);
            journal.openTail();
            journal.makeSpare();
        } catch (IOException | RuntimeException e) {
            journal.closeQuietly();
            throw e;
        }
        return journal;
    }

    private void replayAll(long fromSeq, BiConsumer<Long, List<JournalEntry>> replay) throws IOException {
        for (Path p : disk.list(directory)) {
            String name = p.getFileName().toString();
            if (name.endsWith(SUFFIX)) {
                segments.put(firstSeqOf(p), p);
            } else if (name.equals(SPARE) || name.endsWith(".tmp")) {
                disk.delete(p);
            }
        }
        lastSeq = fromSeq;
        // Read everything first: nothing is cut until the whole journal is known to miss no sequence.
        List<Cut> cuts = new ArrayList<>();
        for (Map.Entry<Long, Path> segment : List.copyOf(segments.entrySet())) {
            if (segment.getKey() > lastSeq + 1) {
                throw new IOException("journal is damaged before segment " + segment.getValue() + ": sequences "
                        + (lastSeq + 1) + " to " + (segment.getKey() - 1)
                        + " are missing, so acknowledged changes would be lost: refusing to open");
            }
            Long next = segments.higherKey(segment.getKey());
            Cut cut = replaySegment(segment.getValue(), next == null ? Long.MAX_VALUE : next, fromSeq, replay);
            if (cut != null) {
                cuts.add(cut);
            }
        }
        for (Cut cut : cuts) {
            LOG.info("journal segment {} cut at byte {} of {}: {}", cut.file().getFileName(), cut.at(), cut.size(),
                    cut.torn() ? "a torn record (never acknowledged)" : "records a later segment replaced");
            try (FileChannel ch = disk.open(cut.file(), StandardOpenOption.WRITE)) {
                ch.truncate(cut.at());
                ch.force(true);
            }
        }
        // Segments whose every record the state already holds, and empty ones before the last, are not needed.
        while (segments.size() > 1) {
            Map.Entry<Long, Path> first = segments.firstEntry();
            if (segments.higherKey(first.getKey()) - 1 > fromSeq && sizeOf(first.getValue()) > 0) {
                break;
            }
            disk.delete(first.getValue());
            segments.remove(first.getKey());
        }
        syncedSeq = lastSeq;
    }

    private long sizeOf(Path file) throws IOException {
        try (FileChannel ch = disk.open(file, StandardOpenOption.READ)) {
            return ch.size();
        }
    }

    /** Where a segment is to be cut: after its last good record, before a torn one or those a later segment replaced. */
    private record Cut(Path file, long at, long size, boolean torn) {
    }

    /**
     * Replays one segment up to the first record at {@code limit} (a later segment's) or the first bad one;
     * returns where it must be cut, or null when it ends cleanly.
     */
    private Cut replaySegment(Path file, long limit, long fromSeq,
                              BiConsumer<Long, List<JournalEntry>> replay) throws IOException {
        boolean damaged = false;
        try (FileChannel ch = disk.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            ByteBuffer header = ByteBuffer.allocate(JournalRecord.HEADER_BYTES);
            long position = 0;
            while (position < size) {
                header.clear();
                int payloadLength = -1;
                int crc = 0;
                if (size - position >= JournalRecord.HEADER_BYTES) {
                    readFully(ch, header, position);
                    header.flip();
                    payloadLength = header.getInt();
                    crc = header.getInt();
                }
                ByteBuffer payload = null;
                if (payloadLength >= 12 && payloadLength <= JournalRecord.MAX_PAYLOAD
                        && size - position - JournalRecord.HEADER_BYTES >= payloadLength) {
                    payload = ByteBuffer.allocate(payloadLength);
                    readFully(ch, payload, position + JournalRecord.HEADER_BYTES);
                    payload.flip();
                    if (!JournalRecord.checksumMatches(payload, crc)) {
                        payload = null;
                    }
                }
                if (payload == null) {
                    damaged = true;
                    break;
                }
                long seq = JournalRecord.seqOf(payload);
                if (seq >= limit) {
                    break;
                }
                if (seq > fromSeq) {
                    if (seq != lastSeq + 1) {
                        throw new IOException("journal misses sequences " + (lastSeq + 1) + " to " + (seq - 1)
                                + " in " + file + "; refusing to open");
                    }
                    replay.accept(seq, JournalRecord.entriesOf(payload));
                    lastSeq = seq;
                }
                position += JournalRecord.HEADER_BYTES + payloadLength;
            }
            return position < size ? new Cut(file, position, size, damaged) : null;
        }
    }

    private void openTail() throws IOException {
        if (segments.isEmpty()) {
            return;
        }
        Path tail = segments.lastEntry().getValue();
        current = disk.open(tail, StandardOpenOption.WRITE, StandardOpenOption.READ);
        currentSize = current.size();
        syncedSize = currentSize;
        // A tail named after a later sequence than the next one takes no records: a new segment starts.
        if (!runsOn(tail)) {
            current.close();
            current = null;
        }
    }

    private boolean runsOn(Path tail) {
        // the name of the tail is its first sequence
        return segments.lastKey() <= lastSeq + 1;
    }

    private void makeSpare() {
        if (spare != null) {
            return;
        }
        try {
            Path file = directory.resolve(SPARE);
            disk.delete(file);
            spare = disk.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.READ);
        } catch (IOException e) {
            LOG.debug("journal has no spare segment for now: {}", e.toString());
        }
    }

    private static void readFully(FileChannel ch, ByteBuffer buf, long position) throws IOException {
        long at = position;
        while (buf.hasRemaining()) {
            int n = ch.read(buf, at);
            if (n < 0) {
                throw new IOException("unexpected end of journal");
            }
            at += n;
        }
    }

    private static long firstSeqOf(Path file) {
        String name = file.getFileName().toString();
        return Long.parseLong(name.substring(0, name.length() - SUFFIX.length()));
    }

    /** The sequence of the last record written or replayed. */
    long lastSeq() {
        return lastSeq;
    }

    /** Writes one record and forces it; on failure nothing of it counts and the exception says why. */
    void write(long seq, List<JournalEntry> entries) throws IOException {
        append(seq, entries);
        sync();
    }

    /** Writes one record; it is durable only after {@link #sync()}. */
    void append(long seq, List<JournalEntry> entries) throws IOException {
        if (seq != lastSeq + 1) {
            throw new IllegalArgumentException("journal sequence " + seq + " does not follow " + lastSeq);
        }
        ByteBuffer record = JournalRecord.encode(seq, entries);
        retryCut();
        try {
            if (current == null || (currentSize > 0 && currentSize + record.remaining() > segmentBytes)) {
                startSegment(seq);
            }
            long at = currentSize;
            while (record.hasRemaining()) {
                at += current.write(record, at);
            }
            currentSize = at;
        } catch (IOException | RuntimeException e) {
            rollBack();
            throw e;
        }
        lastSeq = seq;
    }

    /** Forces what was appended to the disk; on failure the unforced records are taken back. */
    void sync() throws IOException {
        if (current == null || syncedSeq == lastSeq) {
            return;
        }
        try {
            current.force(false);
        } catch (IOException | RuntimeException e) {
            rollBack();
            throw e;
        }
        syncedSize = currentSize;
        syncedSeq = lastSeq;
    }

    /**
     * Takes back what was not forced: cut off and forced where possible, and in any case the segment is left, so
     * the next record starts a new one, which voids whatever remained.
     */
    private void rollBack() {
        lastSeq = syncedSeq;
        if (current != null) {
            // The segment started after an earlier abandoned one voids what remains of it.
            closeQuietly(abandoned);
            abandoned = current;
            abandonedCut = syncedSize;
            current = null;
            retryCut();
        }
    }

    private void retryCut() {
        if (abandoned == null) {
            return;
        }
        try {
            abandoned.truncate(abandonedCut);
            abandoned.force(true);
        } catch (IOException | RuntimeException e) {
            LOG.debug("journal could not cut a failed write off yet: {}", e.toString());
            return;
        }
        closeQuietly(abandoned);
        abandoned = null;
    }

    private void startSegment(long firstSeq) throws IOException {
        if (current != null) {
            current.force(false);
            syncedSeq = lastSeq;
            current.close();
            current = null;
        }
        Path file = directory.resolve(String.format("%020d%s", firstSeq, SUFFIX));
        if (spare != null) {
            disk.rename(directory.resolve(SPARE), file);
            current = spare;
            spare = null;
        } else {
            disk.delete(file);
            current = disk.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.READ);
        }
        currentSize = 0;
        syncedSize = 0;
        segments.put(firstSeq, file);
        directoryChannel.force(true);
        makeSpare();
    }

    /** Deletes the segments whose every record is at or before {@code seq}; a delete that fails is tried again. */
    void releaseUpTo(long seq) throws IOException {
        while (segments.size() > 1) {
            Map.Entry<Long, Path> first = segments.firstEntry();
            long nextFirst = segments.higherKey(first.getKey());
            if (nextFirst - 1 > seq) {
                return;
            }
            disk.delete(first.getValue());
            segments.remove(first.getKey());
        }
    }

    /** How many segment files the journal has, for tests and metrics. */
    int segmentCount() {
        return segments.size();
    }

    private static void closeQuietly(FileChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException e) {
                LOG.debug("journal file did not close: {}", e.toString());
            }
        }
    }

    private void closeQuietly() {
        retryCut();
        for (FileChannel ch : new FileChannel[] {current, spare, directoryChannel, abandoned}) {
            closeQuietly(ch);
        }
        current = null;
        spare = null;
        directoryChannel = null;
        abandoned = null;
    }

    @Override
    public void close() throws IOException {
        try {
            if (current != null && syncedSeq != lastSeq) {
                current.force(false);
            }
        } finally {
            closeQuietly();
            try {
                disk.delete(directory.resolve(SPARE));
            } catch (IOException e) {
                LOG.debug("journal spare stays until the next start: {}", e.toString());
            }
        }
    }
}
