package org.starhash.gateway.store;

import java.time.YearMonth;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A workload for fault tests: transfers of 1, 2, 3 ... cents from one subscriber to another, one at a time,
 * counting what the store acknowledged, so that after any fault the balances must be exactly the acknowledged sum.
 */
final class Transfers {

    static final String FROM = "38641000100";
    static final String TO = "38670000100";
    private static final YearMonth PERIOD = YearMonth.of(2026, 11);

    private long next = 1;
    private long acknowledged;
    private long refused;

    /** One transfer; true when the store acknowledged it, false when it refused it. */
    boolean transfer(Store store) {
        long amount = next++;
        try {
            store.submit(tx -> {
                Subscriber from = tx.subscriber(FROM).orElse(Subscriber.prepaid(FROM, 0, PERIOD));
                Subscriber to = tx.subscriber(TO).orElse(Subscriber.prepaid(TO, 0, PERIOD));
                tx.put(from.withBalanceCents(from.balanceCents() - amount));
                tx.put(to.withBalanceCents(to.balanceCents() + amount));
                return null;
            }).join();
            acknowledged += amount;
            return true;
        } catch (CompletionException e) {
            if (!(e.getCause() instanceof StoreFailedException) && !(e.getCause() instanceof StoreBusyException)) {
                throw e;
            }
            refused++;
            return false;
        }
    }

    /** Transfers until one is acknowledged, for at most {@code millis}; true when one was. */
    boolean transferUntilAcknowledged(Store store, long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < deadline) {
            if (transfer(store)) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    long acknowledged() {
        return acknowledged;
    }

    long refused() {
        return refused;
    }

    /** The balances are exactly the acknowledged transfers: none lost, none refused one applied, none by halves. */
    void check(Store store, String when) {
        long from = store.read(Subscribers.TABLE, FROM).map(Subscriber::balanceCents).orElse(0L);
        long to = store.read(Subscribers.TABLE, TO).map(Subscriber::balanceCents).orElse(0L);
        assertEquals(acknowledged, to, when + ": the receiver's balance is not the acknowledged transfers");
        assertEquals(-acknowledged, from, when + ": the sender's balance is not the acknowledged transfers");
    }
}
