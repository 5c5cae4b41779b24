package org.starhash.gateway.store;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;

/**
 * The child process of the crash test: pairs of subscribers pass money to each other as fast as the store
 * takes it, and every acknowledged transfer is printed as {@code ACK pair n}. Transfer n of a pair moves n
 * cents, so after k transfers the sender is at -k(k+1)/2 and the receiver at +k(k+1)/2. Acknowledgements
 * go to a file named by the third argument, one {@code pair n} line per write.
 */
public final class CrashWorkload {

    static final YearMonth PERIOD = YearMonth.of(2026, 11);
    private static FileOutputStream acks;

    private CrashWorkload() {
    }

    static String sender(int pair) {
        return String.format("38670%06d", pair * 2);
    }

    static String receiver(int pair) {
        return String.format("38670%06d", pair * 2 + 1);
    }

    /** The number of transfers a sender's balance says were made, or -1 if no whole number of them fits. */
    static long transfersOf(long senderBalance) {
        long paid = -senderBalance;
        long k = (long) Math.floor((Math.sqrt(8.0 * paid + 1) - 1) / 2);
        for (long candidate = Math.max(0, k - 1); candidate <= k + 1; candidate++) {
            if (candidate * (candidate + 1) / 2 == paid) {
                return candidate;
            }
        }
        return -1;
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int pairs = Integer.parseInt(args[1]);
        acks = new FileOutputStream(args[2], true);
        // Short checkpoints and small segments so kills also land in checkpoints and segment changes.
        Store store = Store.open(dir, new StoreSettings(512, 8192, Duration.ofMillis(50), 64 << 10, 16));
        for (int pair = 0; pair < pairs; pair++) {
            long done = store.read(Subscribers.TABLE, sender(pair)).map(s -> transfersOf(s.balanceCents())).orElse(0L);
            transfer(store, pair, done + 1);
        }
        System.out.println("READY");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }

    /**
     * Writes the acknowledgement to the file, one unbuffered write, before the next transfer is submitted: the
     * kernel keeps a written file page when the process is killed, so the parent reads every acknowledgement
     * made once the child is dead, without depending on how a pipe is drained at exit.
     */
    private static synchronized void acknowledge(int pair, long n) {
        try {
            acks.write((pair + " " + n + "\n").getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void transfer(Store store, int pair, long n) {
        store.submit(tx -> {
            Subscriber from = tx.subscriber(sender(pair)).orElse(Subscriber.prepaid(sender(pair), 0, PERIOD));
            Subscriber to = tx.subscriber(receiver(pair)).orElse(Subscriber.prepaid(receiver(pair), 0, PERIOD));
            tx.put(from.withBalanceCents(from.balanceCents() - n));
            tx.put(to.withBalanceCents(to.balanceCents() + n));
            return null;
        }).whenComplete((ok, error) -> {
            if (error == null) {
                acknowledge(pair, n);
                transfer(store, pair, n + 1);
            }
        });
    }
}
