package org.starhash.gateway.store;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * A subscriber's call forwardings by type, immutable; none registered is the default.
 *
 * @param byType the registered forwardings
 */
public record Forwardings(Map<ForwardType, Forward> byType) {

    private static final int VERSION = 1;
    public static final Forwardings NONE = new Forwardings(Map.of());

    /** Per subscriber, keyed by normalized MSISDN. */
    public static final Table<Forwardings> TABLE = new Table<>("forwardings", new Codec<>() {
        @Override
        public byte[] encode(Forwardings f) {
            BinaryOut out = new BinaryOut(64).u8(VERSION).u8(f.byType().size());
            f.byType().forEach((type, fw) -> out.utf(type.code()).utf(fw.number()).bool(fw.active()).u8(fw.ringSeconds()));
            return out.toBytes();
        }

        @Override
        public Forwardings decode(byte[] bytes) {
            BinaryIn in = new BinaryIn(bytes);
            int version = in.u8();
            if (version != VERSION) {
                throw new IllegalStateException("unknown forwardings record version " + version);
            }
            Map<ForwardType, Forward> byType = new EnumMap<>(ForwardType.class);
            int n = in.u8();
            for (int i = 0; i < n; i++) {
                ForwardType type = ForwardType.byCode(in.utf()).orElseThrow();
                byType.put(type, new Forward(in.utf(), in.bool(), in.u8()));
            }
            return new Forwardings(byType);
        }
    });

    public Forwardings {
        byType = byType.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(byType));
    }

    /** A subscriber's forwardings as they stand. */
    public static Forwardings of(Lookup state, String msisdn) {
        return state.get(TABLE, msisdn).orElse(NONE);
    }

    public Optional<Forward> get(ForwardType type) {
        return Optional.ofNullable(byType.get(type));
    }

    /** Whether calls are forwarded now of the given type. */
    public boolean active(ForwardType type) {
        return get(type).map(Forward::active).orElse(false);
    }

    public Forwardings with(ForwardType type, Forward forward) {
        Map<ForwardType, Forward> next = new EnumMap<>(ForwardType.class);
        next.putAll(byType);
        next.put(type, forward);
        return new Forwardings(next);
    }

    public Forwardings without(ForwardType type) {
        Map<ForwardType, Forward> next = new EnumMap<>(ForwardType.class);
        next.putAll(byType);
        next.remove(type);
        return new Forwardings(next);
    }
}
