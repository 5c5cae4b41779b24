package org.starhash.gateway.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A traffic mix such as {@code poraba=3,balance=1}: the generator cycles through it, so the proportions hold
 * exactly in every stretch of the run rather than on average.
 */
public final class Mix {

    private final Traffic[] cycle;
    private final String spec;

    private Mix(List<Traffic> cycle, String spec) {
        this.cycle = cycle.toArray(Traffic[]::new);
        this.spec = spec;
    }

    /** Parses {@code name[=weight],...}; a weight is 1 to 100. */
    public static Mix parse(String spec) {
        List<Traffic> cycle = new ArrayList<>();
        for (String part : spec.split(",")) {
            String[] nameWeight = part.trim().split("=", 2);
            Traffic traffic = Traffic.named(nameWeight[0].trim());
            int weight;
            try {
                weight = nameWeight.length == 2 ? Integer.parseInt(nameWeight[1].trim()) : 1;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("mix weight of " + traffic.name() + " is not a number: " + nameWeight[1]);
            }
            if (weight < 1 || weight > 100) {
                throw new IllegalArgumentException("mix weight of " + traffic.name() + " must be 1 to 100, not " + weight);
            }
            for (int i = 0; i < weight; i++) {
                cycle.add(traffic);
            }
        }
        return new Mix(cycle, cycle.stream().collect(Collectors.groupingBy(Traffic::name, java.util.LinkedHashMap::new,
                Collectors.counting())).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(",")));
    }

    /** The traffic of the n-th transaction. */
    Traffic of(long n) {
        return cycle[(int) (n % cycle.length)];
    }

    @Override
    public String toString() {
        return spec;
    }
}
