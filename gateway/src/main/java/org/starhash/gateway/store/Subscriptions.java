package org.starhash.gateway.store;

import java.util.ArrayList;
import java.util.List;

/**
 * What a subscriber signed up for by SMS, keyed by normalized MSISDN: the places of storm alerts (NEURJE) and
 * the content providers whose services they take. A list left empty means none.
 */
public final class Subscriptions {

    private static final int VERSION = 1;

    /** The places a subscriber gets storm alerts for, in their proper spelling, in the order subscribed. */
    public static final Table<List<String>> STORM_PLACES = table("storm_places");
    /** The ids of the content providers a subscriber takes a paid service from. */
    public static final Table<List<String>> CONTENT_PROVIDERS = table("content_subscriptions");

    private Subscriptions() {
    }

    /** A subscriber's list as it stands, empty when there is none. */
    public static List<String> of(Lookup state, Table<List<String>> table, String msisdn) {
        return state.get(table, msisdn).orElse(List.of());
    }

    private static Table<List<String>> table(String name) {
        return new Table<>(name, new Codec<>() {
            @Override
            public byte[] encode(List<String> values) {
                BinaryOut out = new BinaryOut(16 * values.size() + 2).u8(VERSION).u8(values.size());
                values.forEach(out::utf);
                return out.toBytes();
            }

            @Override
            public List<String> decode(byte[] bytes) {
                BinaryIn in = new BinaryIn(bytes);
                int version = in.u8();
                if (version != VERSION) {
                    throw new IllegalStateException("unknown " + name + " record version " + version);
                }
                int count = in.u8();
                List<String> values = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    values.add(in.utf());
                }
                return List.copyOf(values);
            }
        });
    }
}
