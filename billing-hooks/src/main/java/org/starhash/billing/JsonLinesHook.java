package org.starhash.billing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Appends every charge event as one JSON line to a file of its day, {@code billing/charges-YYYY-MM-DD.jsonl}
 * under the data directory, and forces it to disk before it returns. The file never holds a torn line: a write
 * that fails is cut back to the last whole line before the batch is offered again, and a line a crash cut short
 * is cut off when the file is opened.
 */
public final class JsonLinesHook implements BillingHook {

    /** How the hook opens its files; a test passes one that fails as a full disk would. */
    @FunctionalInterface
    public interface Opener {
        FileChannel open(Path path, OpenOption... options) throws IOException;
    }

    private final ObjectMapper json = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();
    private final Opener opener;
    private HookContext context;
    private Path directory;
    private LocalDate openDay;
    private FileChannel channel;
    /** The end of the last whole line of the open file. */
    private long end;
    /**
     * Ids of a failed batch whose lines were forced before the failure (those of an earlier day, in a batch that
     * spans midnight), so that the batch offered again does not write them twice.
     */
    private final Set<String> forcedOfFailedBatch = new HashSet<>();

    public JsonLinesHook() {
        this(FileChannel::open);
    }

    public JsonLinesHook(Opener opener) {
        this.opener = opener;
    }

    @Override
    public String name() {
        return "json-lines";
    }

    @Override
    public void open(HookContext context) throws IOException {
        this.context = context;
        this.directory = context.dataDirectory().resolve("billing");
        Files.createDirectories(directory);
    }

    /** The file that holds the events of the given day. */
    public static Path fileOf(Path dataDirectory, LocalDate day) {
        return dataDirectory.resolve("billing").resolve("charges-" + day + ".jsonl");
    }

    @Override
    public synchronized void accept(List<ChargeEvent> events) throws IOException {
        StringBuilder lines = new StringBuilder();
        List<String> ids = new ArrayList<>();
        LocalDate day = null;
        for (ChargeEvent event : events) {
            if (forcedOfFailedBatch.contains(event.id())) {
                continue;
            }
            LocalDate eventDay = LocalDate.ofInstant(event.at(), context.zone());
            if (day != null && !eventDay.equals(day)) {
                write(day, lines);
                forcedOfFailedBatch.addAll(ids);
                ids.clear();
                lines.setLength(0);
            }
            day = eventDay;
            ids.add(event.id());
            lines.append(json.writeValueAsString(event)).append('\n');
        }
        if (day != null) {
            write(day, lines);
        }
        forcedOfFailedBatch.clear();
    }

    private void write(LocalDate day, CharSequence lines) throws IOException {
        if (!day.equals(openDay)) {
            closeChannel();
            FileChannel opened = opener.open(fileOf(context.dataDirectory(), day),
                    StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            try {
                end = wholeLinesEnd(opened);
            } catch (IOException | RuntimeException e) {
                opened.close();
                throw e;
            }
            channel = opened;
            openDay = day;
        }
        ByteBuffer bytes = ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.UTF_8));
        int length = bytes.remaining();
        try {
            long at = end;
            while (bytes.hasRemaining()) {
                at += channel.write(bytes, at);
            }
            channel.force(false);
        } catch (IOException | RuntimeException e) {
            cutBack();
            throw e;
        }
        end += length;
    }

    /** Takes a failed write back off; if even that fails, the next open cuts the file at its last whole line. */
    private void cutBack() {
        try {
            channel.truncate(end);
            channel.force(false);
        } catch (IOException | RuntimeException e) {
            try {
                closeChannel();
            } catch (IOException ignored) {
                // the next open cuts the torn line off
            }
        }
    }

    /** The end of the file's last whole line; a torn line after it (a crash mid-write) is cut off. */
    private static long wholeLinesEnd(FileChannel file) throws IOException {
        long size = file.size();
        long at = size;
        ByteBuffer buf = ByteBuffer.allocate(4096);
        while (at > 0) {
            int chunk = (int) Math.min(buf.capacity(), at);
            buf.clear().limit(chunk);
            long from = at - chunk;
            while (buf.hasRemaining()) {
                if (file.read(buf, from + buf.position()) < 0) {
                    throw new IOException("billing file shrank while it was read");
                }
            }
            for (int i = chunk - 1; i >= 0; i--) {
                if (buf.get(i) == '\n') {
                    long whole = from + i + 1;
                    if (whole < size) {
                        file.truncate(whole);
                        file.force(false);
                    }
                    return whole;
                }
            }
            at = from;
        }
        if (size > 0) {
            file.truncate(0);
            file.force(false);
        }
        return 0;
    }

    private void closeChannel() throws IOException {
        if (channel != null) {
            FileChannel closing = channel;
            channel = null;
            openDay = null;
            closing.close();
        }
    }

    @Override
    public synchronized void close() throws IOException {
        closeChannel();
    }
}
