package org.starhash.gateway.bench;

import org.starhash.gateway.store.Store;
import org.starhash.gateway.store.Subscriber;
import org.starhash.gateway.store.SubscriberKind;
import org.starhash.gateway.store.Units;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;

/** Creates the generator's subscribers in bulk: consecutive numbers, every other one postpaid. */
public final class BenchSubscribers {

    /** The first number of the default range, outside the demo subscribers. */
    public static final long FIRST_MSISDN = 38669000000L;
    private static final int CHUNK = 10_000;

    private BenchSubscribers() {
    }

    /** The subscriber the n-th number of the range gets. */
    static Subscriber of(long msisdn, YearMonth period) {
        String number = Long.toString(msisdn);
        if (msisdn % 2 == 0) {
            return Subscriber.prepaid(number, 1_000 + msisdn % 5_000, period);
        }
        return new Subscriber(number, SubscriberKind.POSTPAID, 0, new Units(1000, 1000, 10240), period,
                new Units(msisdn % 1000, msisdn % 100, msisdn % 10240), msisdn % 10_000);
    }

    /** Stores {@code count} subscribers from {@code first}, replacing any of the same numbers. */
    public static void create(Store store, long first, int count, YearMonth period)
            throws ExecutionException, InterruptedException {
        for (int from = 0; from < count; from += CHUNK) {
            List<Subscriber> chunk = new ArrayList<>(CHUNK);
            for (int i = from; i < Math.min(count, from + CHUNK); i++) {
                chunk.add(of(first + i, period));
            }
            store.submit(tx -> {
                chunk.forEach(tx::put);
                return null;
            }).get();
        }
    }
}
