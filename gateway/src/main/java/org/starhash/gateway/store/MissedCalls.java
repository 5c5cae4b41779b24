package org.starhash.gateway.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The calls a subscriber missed while unreachable, oldest first, kept until the subscriber is reachable again.
 *
 * @param calls the missed calls
 */
public record MissedCalls(List<Call> calls) {

    private static final int VERSION = 1;
    /** The most kept per subscriber; older ones give way, as a handset's call list does. */
    public static final int MAX = 50;

    /** Per subscriber, keyed by normalized MSISDN. */
    public static final Table<MissedCalls> TABLE = new Table<>("missed_calls", new Codec<>() {
        @Override
        public byte[] encode(MissedCalls m) {
            BinaryOut out = new BinaryOut(16 + m.calls().size() * 28).u8(VERSION).u8(m.calls().size());
            m.calls().forEach(c -> out.utf(c.caller()).i64(c.at().getEpochSecond()));
            return out.toBytes();
        }

        @Override
        public MissedCalls decode(byte[] bytes) {
            BinaryIn in = new BinaryIn(bytes);
            int version = in.u8();
            if (version != VERSION) {
                throw new IllegalStateException("unknown missed calls record version " + version);
            }
            int n = in.u8();
            List<Call> calls = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                calls.add(new Call(in.utf(), Instant.ofEpochSecond(in.i64())));
            }
            return new MissedCalls(calls);
        }
    });

    /**
     * One missed call.
     *
     * @param caller who called, as the network gave the number
     * @param at     when
     */
    public record Call(String caller, Instant at) {
        public Call {
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(at, "at");
        }
    }

    public MissedCalls {
        calls = List.copyOf(calls);
    }

    /** The list with one more call, the oldest dropped beyond {@link #MAX}. */
    public MissedCalls plus(Call call) {
        List<Call> next = new ArrayList<>(calls);
        next.add(call);
        while (next.size() > MAX) {
            next.remove(0);
        }
        return new MissedCalls(next);
    }
}
