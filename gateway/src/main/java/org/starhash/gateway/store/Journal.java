package org.starhash.gateway.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

/**
 * The append-only journal, the source of truth: segment files named by the first sequence they hold.
 * A torn record at the very end (a crash during a write) is cut off at open; damage anywhere else stops the
 * open, because skipping it would silently lose acknowledged changes.
 */
final class Journal implements AutoCloseable {

    private static final String SUFFIX = ".journal";

    private final Path directory;
    private final long segmentBytes;
    private final TreeMap<Long, Path> segments = new TreeMap<>();
    private FileChannel current;
    private long currentSize;
    private long lastSeq;

    private Journal(Path directory, long segmentBytes) {
        this.directory = directory;
        this.segmentBytes = segmentBytes;
    }

    /**
     * Opens the journal in {@code directory}, handing every record after {@code checkpointSeq} to {@code replay}
     * in order, and returns it ready to append after the last good record.
     */
    static Journal open(Path directory, long segmentBytes, long checkpointSeq,
                        BiConsumer<Long, List<JournalEntry>> replay) throws IOException {
        Files.createDirectories(directory);
        Journal journal = new Journal(directory, segmentBytes);
        try (Stream<Path> files = Files.list(directory)) {
            files.filter(p -> p.getFileName().toString().endsWith(SUFFIX))
                    .forEach(p -> journal.segments.put(firstSeqOf(p), p));
        }
        journal.lastSeq = checkpointSeq;
        long lastRecord = -1;
        for (Map.Entry<Long, Path> segment : journal.segments.entrySet()) {
            boolean last = segment.getKey().equals(journal.segments.lastKey());
            lastRecord = journal.replaySegment(segment.getValue(), last, checkpointSeq, replay);
        }
        // Append to the last segment only where its records run on into the next sequence.
        if (!journal.segments.isEmpty() && (lastRecord == -1 || lastRecord == journal.lastSeq)) {
            Path tail = journal.segments.lastEntry().getValue();
            journal.current = FileChannel.open(tail, StandardOpenOption.WRITE, StandardOpenOption.READ);
            journal.currentSize = journal.current.size();
            journal.current.position(journal.currentSize);
        }
        return journal;
    }

    /** Replays one segment and returns the sequence of its last good record, or -1 when it has none. */
    private long replaySegment(Path file, boolean last, long checkpointSeq,
                               BiConsumer<Long, List<JournalEntry>> replay) throws IOException {
        long expected = -1;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
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
                    if (!last) {
                        throw new IOException("journal segment " + file + " is damaged at byte " + position
                                + "; it is not the last segment, so acknowledged changes would be lost: refusing to open");
                    }
                    ch.truncate(position);
                    ch.force(true);
                    break;
                }
                long seq = JournalRecord.seqOf(payload);
                if (expected != -1 && seq != expected) {
                    throw new IOException("journal " + file + " jumps from sequence " + (expected - 1) + " to " + seq);
                }
                expected = seq + 1;
                if (seq > checkpointSeq) {
                    if (seq != lastSeq + 1) {
                        throw new IOException("journal misses sequences " + (lastSeq + 1) + " to " + (seq - 1)
                                + " after the checkpoint; refusing to open");
                    }
                    replay.accept(seq, JournalRecord.entriesOf(payload));
                    lastSeq = seq;
                }
                position += JournalRecord.HEADER_BYTES + payloadLength;
            }
        }
        return expected == -1 ? -1 : expected - 1;
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

    /** Writes one record; it is durable only after {@link #sync()}. */
    void append(long seq, List<JournalEntry> entries) throws IOException {
        if (seq != lastSeq + 1) {
            throw new IllegalArgumentException("journal sequence " + seq + " does not follow " + lastSeq);
        }
        ByteBuffer record = JournalRecord.encode(seq, entries);
        if (current == null || (currentSize > 0 && currentSize + record.remaining() > segmentBytes)) {
            startSegment(seq);
        }
        while (record.hasRemaining()) {
            currentSize += current.write(record);
        }
        lastSeq = seq;
    }

    /** Forces what was appended to the disk. */
    void sync() throws IOException {
        if (current != null) {
            current.force(false);
        }
    }

    private void startSegment(long firstSeq) throws IOException {
        if (current != null) {
            current.force(false);
            current.close();
        }
        Path file = directory.resolve(String.format("%020d%s", firstSeq, SUFFIX));
        current = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.READ);
        currentSize = 0;
        segments.put(firstSeq, file);
        syncDirectory();
    }

    private void syncDirectory() throws IOException {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        }
    }

    /** Deletes the segments whose every record is at or before the checkpoint. */
    void releaseUpTo(long checkpointSeq) throws IOException {
        while (segments.size() > 1) {
            Map.Entry<Long, Path> first = segments.firstEntry();
            long nextFirst = segments.higherKey(first.getKey());
            if (nextFirst - 1 > checkpointSeq) {
                return;
            }
            Files.deleteIfExists(first.getValue());
            segments.remove(first.getKey());
        }
    }

    /** How many segment files the journal has, for tests and metrics. */
    int segmentCount() {
        return segments.size();
    }

    @Override
    public void close() throws IOException {
        if (current != null) {
            current.force(false);
            current.close();
            current = null;
        }
    }
}
