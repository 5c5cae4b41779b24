package org.starhash.gateway.sms;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Joins the parts of concatenated MO SMS. Parts may come in any order and over any bind, so one instance serves
 * them all and is thread-safe. A message whose parts do not all come within the timeout is dropped, and so is
 * the oldest one when too many wait; both are reported for the log.
 */
public final class Reassembly {

    /**
     * One part as it arrived.
     *
     * @param source       the sender as the network wrote it
     * @param destination  the short number
     * @param dataCoding   the part's data_coding
     * @param concatenation where it belongs
     * @param body         the part's text octets, without a header
     */
    public record Part(String source, String destination, byte dataCoding, Concatenation concatenation, byte[] body) {
        public Part {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(destination, "destination");
            Objects.requireNonNull(concatenation, "concatenation");
            body = body.clone();
        }
    }

    /**
     * A whole message.
     *
     * @param dataCoding the data_coding of its parts; when they differ, each part's own is in {@code parts}
     * @param parts      its parts in order
     */
    public record Joined(byte dataCoding, List<Part> parts) {
        public Joined {
            parts = List.copyOf(parts);
        }

        /** Whether all parts share one data_coding, so their octets can be decoded as one. */
        public boolean uniform() {
            return parts.stream().allMatch(p -> p.dataCoding() == dataCoding);
        }

        /** The octets of all parts in order. */
        public byte[] body() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            parts.forEach(p -> out.writeBytes(p.body));
            return out.toByteArray();
        }
    }

    /**
     * A message given up on.
     *
     * @param source      the sender
     * @param destination the short number
     * @param arrived     parts that came
     * @param total       parts it should have had
     * @param why         "timeout" or "too many incomplete messages"
     */
    public record Dropped(String source, String destination, int arrived, int total, String why) {
    }

    private record Key(String source, String destination, int reference, int total) {
    }

    private static final class Waiting {
        final Part[] parts;
        final long firstNanos;
        int arrived;

        Waiting(int total, long firstNanos) {
            this.parts = new Part[total];
            this.firstNanos = firstNanos;
        }
    }

    private final long timeoutNanos;
    private final int maxWaiting;
    /** In arrival order of each message's first part, so the oldest comes first. */
    private final LinkedHashMap<Key, Waiting> waiting = new LinkedHashMap<>();

    /**
     * @param timeoutNanos how long the parts of one message may take to come
     * @param maxWaiting   the most incomplete messages kept at once
     */
    public Reassembly(long timeoutNanos, int maxWaiting) {
        this.timeoutNanos = timeoutNanos;
        this.maxWaiting = maxWaiting;
    }

    /**
     * Takes a part: the whole message when this part completes it, else nothing. A part that came before
     * replaces the earlier copy. Messages dropped to make room are added to {@code dropped}.
     */
    public synchronized Optional<Joined> add(Part part, long nowNanos, List<Dropped> dropped) {
        Concatenation c = part.concatenation();
        if (c.total() == 1) {
            return Optional.of(new Joined(part.dataCoding(), List.of(part)));
        }
        Key key = new Key(part.source(), part.destination(), c.reference(), c.total());
        Waiting w = waiting.get(key);
        if (w == null) {
            while (waiting.size() >= maxWaiting && !waiting.isEmpty()) {
                Iterator<Map.Entry<Key, Waiting>> oldest = waiting.entrySet().iterator();
                Map.Entry<Key, Waiting> e = oldest.next();
                oldest.remove();
                dropped.add(dropped(e.getKey(), e.getValue(), "too many incomplete messages"));
            }
            w = new Waiting(c.total(), nowNanos);
            waiting.put(key, w);
        }
        if (w.parts[c.number() - 1] == null) {
            w.arrived++;
        }
        w.parts[c.number() - 1] = part;
        if (w.arrived < c.total()) {
            return Optional.empty();
        }
        waiting.remove(key);
        return Optional.of(new Joined(w.parts[0].dataCoding(), List.of(w.parts)));
    }

    /** Drops and returns the messages whose first part came longer than the timeout ago. */
    public synchronized List<Dropped> expire(long nowNanos) {
        List<Dropped> dropped = new ArrayList<>();
        Iterator<Map.Entry<Key, Waiting>> it = waiting.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Key, Waiting> e = it.next();
            if (nowNanos - e.getValue().firstNanos < timeoutNanos) {
                break;
            }
            it.remove();
            dropped.add(dropped(e.getKey(), e.getValue(), "timeout"));
        }
        return dropped;
    }

    /** How many incomplete messages wait. */
    public synchronized int waiting() {
        return waiting.size();
    }

    private static Dropped dropped(Key key, Waiting w, String why) {
        return new Dropped(key.source(), key.destination(), w.arrived, key.total(), why);
    }
}
