package org.starhash.gateway.outbox;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.starhash.gateway.config.OutboxSettings;
import org.starhash.gateway.store.Outbox;
import org.starhash.gateway.store.Store;
import org.starhash.gateway.store.StoreSettings;
import org.starhash.gateway.values.OutboxMessage;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OutboxDispatcherTest {

    /** A network that takes every message and remembers its id. */
    private static final class Network implements Courier {
        final List<String> sent = new CopyOnWriteArrayList<>();

        @Override
        public CompletableFuture<Result> send(OutboxMessage message) {
            sent.add(message.id());
            return CompletableFuture.completedFuture(Result.DELIVERED);
        }

        @Override
        public void onReady(Runnable ready) {
        }
    }

    private static OutboxMessage sms(String id) {
        return OutboxMessage.sms(id, "7070", "38640111222", "Obvestilo", Instant.now());
    }

    @Test
    void moreMessagesThanItHoldsInMemoryAllGoOutOnceFromTheStore(@TempDir Path dir) throws Exception {
        OutboxSettings settings = new OutboxSettings(4, Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofSeconds(5), "", "");
        try (Store store = Store.open(dir, StoreSettings.DEFAULTS)) {
            store.submit(tx -> {
                for (int i = 0; i < 120; i++) {
                    tx.insert(Outbox.TABLE, "left-" + i, sms("left-" + i)); // left from before a stop
                }
                return null;
            }).get();
            Network network = new Network();
            OutboxDispatcher outbox = new OutboxDispatcher(store, settings, Clock.systemUTC(), 10);
            outbox.start(network);
            for (int i = 0; i < 80; i++) {
                String id = "new-" + i;
                store.submit(tx -> {
                    tx.insert(Outbox.TABLE, id, sms(id));
                    return null;
                }, (done, error) -> {
                    if (error == null) {
                        outbox.offer(List.of(sms(id)));
                    }
                }).get(); // as a commit hands its messages on
            }
            for (int i = 0; i < 400 && store.size(Outbox.TABLE) > 0; i++) {
                Thread.sleep(25);
            }
            outbox.close();
            assertEquals(0, store.size(Outbox.TABLE), "every message delivered and removed");
            assertEquals(200, network.sent.size(), "none sent twice: " + network.sent.size());
            assertEquals(200, Set.copyOf(network.sent).size());
        }
    }

    @Test
    void anUrgentMessageGoesBeforeTheBulkAlreadyWaitingWhichGoesInItsOrder(@TempDir Path dir) throws Exception {
        OutboxSettings oneAtATime = new OutboxSettings(1, Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofSeconds(5), "", "");
        try (Store store = Store.open(dir, StoreSettings.DEFAULTS)) {
            List<String> sent = new CopyOnWriteArrayList<>();
            List<CompletableFuture<Courier.Result>> held = new CopyOnWriteArrayList<>();
            Courier slow = new Courier() {
                @Override
                public CompletableFuture<Result> send(OutboxMessage message) {
                    sent.add(message.id());
                    CompletableFuture<Result> answer = new CompletableFuture<>();
                    held.add(answer);
                    return answer;
                }

                @Override
                public void onReady(Runnable ready) {
                }
            };
            OutboxDispatcher outbox = new OutboxDispatcher(store, oneAtATime, Clock.systemUTC(), 1000);
            List<OutboxMessage> bulk = new java.util.ArrayList<>();
            for (int i = 0; i < 50; i++) {
                bulk.add(sms("storm-" + i));
            }
            OutboxMessage code = OutboxMessage.urgentSms("otp-1", "7070", "38640111222", "Koda 123456", Instant.now(),
                    Instant.now().plusSeconds(300));
            outbox.start(slow);
            outbox.offer(bulk);
            for (int i = 0; i < 200 && sent.isEmpty(); i++) {
                Thread.sleep(10);
            }
            outbox.offer(List.of(code));
            for (int round = 0; round < 3; round++) {
                int before = sent.size();
                held.get(held.size() - 1).complete(Courier.Result.DELIVERED);
                for (int i = 0; i < 200 && sent.size() == before; i++) {
                    Thread.sleep(10);
                }
            }
            outbox.close();
            assertEquals(List.of("storm-0", "otp-1", "storm-1", "storm-2"), sent,
                    "the code goes next, and the bulk in the order it came");
        }
    }
}
