package org.starhash.gateway.engine;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.starhash.billing.BillingHooks;
import org.starhash.billing.HookContext;
import org.starhash.gateway.TestGateway;
import org.starhash.gateway.billing.ChargeDispatcher;
import org.starhash.gateway.config.GatewayConfig;
import org.starhash.gateway.config.SubscriberCsv;
import org.starhash.gateway.menu.MenuLibrary;
import org.starhash.gateway.outbox.OutboxDispatcher;
import org.starhash.gateway.services.Decision;
import org.starhash.gateway.services.Invocation;
import org.starhash.gateway.services.Service;
import org.starhash.gateway.services.Services;
import org.starhash.gateway.store.Lookup;
import org.starhash.gateway.store.Store;
import org.starhash.gateway.store.Subscriber;
import org.starhash.gateway.ussd.Dialogues;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The writer decides and commits, nothing else (DESIGN.md §2): a service decides on the store's writer thread,
 * and what follows the commit (the dialogue moving on, the charge and messages handed on, the reply) runs on the
 * store's completion thread. The writer is held by a transaction until the test has chained its stage on the
 * reply, so that stage runs wherever the commit completes it, not on the test's thread.
 */
class PostCommitThreadsTest {

    private static final String PREPAID = "070000001";

    @TempDir
    Path dir;
    private Store store;
    private ChargeDispatcher charges;
    private OutboxDispatcher outbox;
    private Dialogues dialogues;
    private Engine engine;
    private final List<String> decidedOn = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        GatewayConfig config = TestGateway.shippedConfig();
        store = Store.open(dir.resolve("store"), config.store());
        try (InputStream in = config.seedSubscribers().orElseThrow().openStream()) {
            SubscriberCsv.store(store, SubscriberCsv.read(in, "subscribers.csv", config.numbering(),
                    YearMonth.now(TestGateway.CLOCK.withZone(config.zone())))).get();
        }
        charges = new ChargeDispatcher(store, BillingHooks.of(new HookContext(dir, config.zone()), List.of()));
        outbox = new OutboxDispatcher(store, config.outbox(), TestGateway.CLOCK);
        Map<String, Service> services = new HashMap<>();
        Services.builtIn(config).forEach((name, service) -> services.put(name, recording(service)));
        MenuLibrary menus = MenuSetup.library(config, services, Optional.empty());
        menus.reload();
        dialogues = new Dialogues(config.ussd().dialogueTimeout(), TestGateway.CLOCK);
        engine = new Engine(config, services, menus, dialogues, store, charges, outbox, TestGateway.CLOCK);
    }

    @AfterEach
    void stop() throws Exception {
        engine.close();
        outbox.close();
        charges.close();
        store.close();
    }

    @Test
    void aPaidSmsIsDecidedOnTheWriterAndAnsweredOnTheCompletionThread() throws Exception {
        CountDownLatch held = hold();
        Stage reply = chain(held, engine.handle(new Request(Channel.SMS, PREPAID, "7070", "PORABA")));
        assertEquals("Kot uporabnik Mobi nimate dodatne porabe. Stanje na vašem računu je 12,41 EUR.", reply.text,
                "the MO is paid (9 cents) before the service answers");
        assertEquals(List.of("store-writer"), decidedOn);
        assertEquals("store-completions", reply.thread);
    }

    @Test
    void aMenuActionIsDecidedOnTheWriterAndItsDialogueMovesOnBeforeTheAnswerOnTheCompletionThread() throws Exception {
        Stage menu = chain(hold(), engine.handle(new Request(Channel.USSD, PREPAID, "*122#", "*122#")));
        assertTrue(menu.open, "the dialogue is open when its first screen is answered");
        assertEquals("store-completions", menu.thread);
        Stage sms = chain(hold(), engine.answer(new Request(Channel.USSD, PREPAID, "*122#", "1"), -1));
        Stage callback = chain(hold(), engine.answer(new Request(Channel.USSD, PREPAID, "*122#", "1"), -1));
        assertTrue(sms.open && callback.open, "the dialogue moved on before each screen was answered");
        assertEquals(List.of(), decidedOn, "a menu screen calls no service");
        Stage done = chain(hold(), engine.answer(new Request(Channel.USSD, PREPAID, "*122#", "1"), -1));
        assertEquals("Blokada je vklopljena. Sporočil \"Prosim, pokliči me!\" ne boste prejemali.", done.text);
        assertEquals(List.of("store-writer"), decidedOn, "the menu's action decided on the writer");
        assertEquals("store-completions", done.thread);
        assertFalse(done.open, "the dialogue ended before its last screen was answered");
    }

    /** What the stage chained on a reply saw: its thread, the text, whether the handset's dialogue was open. */
    private record Stage(String thread, String text, boolean open) {
    }

    /** Holds the writer with a transaction that waits for the latch. */
    private CountDownLatch hold() {
        CountDownLatch chained = new CountDownLatch(1);
        store.submit(tx -> {
            try {
                return chained.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        return chained;
    }

    /** Chains a stage on the reply, then lets the writer go on. */
    private Stage chain(CountDownLatch held, CompletableFuture<Reply> reply) throws Exception {
        CompletableFuture<Stage> stage = reply.thenApply(r -> new Stage(Thread.currentThread().getName(), r.text(),
                dialogues.of("38670000001").isPresent()));
        held.countDown();
        return stage.get(10, TimeUnit.SECONDS);
    }

    private Service recording(Service service) {
        return new Service() {
            @Override
            public String name() {
                return service.name();
            }

            @Override
            public Decision decide(Invocation call, Subscriber caller, Lookup state) {
                decidedOn.add(Thread.currentThread().getName());
                return service.decide(call, caller, state);
            }

            @Override
            public Optional<String> checkParams(Map<String, String> params) {
                return service.checkParams(params);
            }

            @Override
            public boolean inMenus() {
                return service.inMenus();
            }

            @Override
            public boolean answers() {
                return service.answers();
            }
        };
    }
}
