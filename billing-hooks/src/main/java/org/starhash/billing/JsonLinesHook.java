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
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.List;

/**
 * Appends every charge event as one JSON line to a file of its day, {@code billing/charges-YYYY-MM-DD.jsonl}
 * under the data directory, and forces it to disk before it returns.
 */
public final class JsonLinesHook implements BillingHook {

    private final ObjectMapper json = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();
    private HookContext context;
    private Path directory;
    private LocalDate openDay;
    private FileChannel channel;

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
        LocalDate day = null;
        for (ChargeEvent event : events) {
            LocalDate eventDay = LocalDate.ofInstant(event.at(), context.zone());
            if (day != null && !eventDay.equals(day)) {
                write(day, lines);
                lines.setLength(0);
            }
            day = eventDay;
            lines.append(json.writeValueAsString(event)).append('\n');
        }
        if (day != null) {
            write(day, lines);
        }
    }

    private void write(LocalDate day, CharSequence lines) throws IOException {
        if (!day.equals(openDay)) {
            closeChannel();
            channel = FileChannel.open(fileOf(context.dataDirectory(), day),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            openDay = day;
        }
        ByteBuffer bytes = ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
        channel.force(false);
    }

    private void closeChannel() throws IOException {
        if (channel != null) {
            channel.close();
            channel = null;
            openDay = null;
        }
    }

    @Override
    public synchronized void close() throws IOException {
        closeChannel();
    }
}
