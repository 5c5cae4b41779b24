package org.starhash.gateway.engine;

import java.util.concurrent.atomic.AtomicLong;

/** Ids unique across restarts: the start time of this process and a counter, both in base 36. */
final class RequestIds {

    private final String prefix;
    private final AtomicLong counter = new AtomicLong();

    RequestIds(long startMillis) {
        this.prefix = Long.toString(startMillis, 36) + "-";
    }

    String next() {
        return prefix + Long.toString(counter.incrementAndGet(), 36);
    }
}
