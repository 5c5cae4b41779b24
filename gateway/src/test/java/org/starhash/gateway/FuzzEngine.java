package org.starhash.gateway;

import org.starhash.billing.BillingHooks;
import org.starhash.billing.HookContext;
import org.starhash.gateway.billing.ChargeDispatcher;
import org.starhash.gateway.config.GatewayConfig;
import org.starhash.gateway.config.SubscriberCsv;
import org.starhash.gateway.engine.Engine;
import org.starhash.gateway.engine.MenuSetup;
import org.starhash.gateway.menu.MenuLibrary;
import org.starhash.gateway.outbox.OutboxDispatcher;
import org.starhash.gateway.services.Service;
import org.starhash.gateway.services.Services;
import org.starhash.gateway.store.Store;
import org.starhash.gateway.ussd.Dialogues;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One real engine for a whole fuzzing run, as the gateway builds it: the shipped config with an admin token, the
 * shipped menus, the demo subscribers, a store in memory-backed files; no listeners, the outbox not sending.
 */
public final class FuzzEngine {

    public static final String ADMIN_TOKEN = "fuzz-admin-token-0123456789";
    private static final FuzzEngine INSTANCE = build();

    public final GatewayConfig config;
    public final Engine engine;

    private FuzzEngine(GatewayConfig config, Engine engine) {
        this.config = config;
        this.engine = engine;
    }

    public static FuzzEngine get() {
        return INSTANCE;
    }

    private static FuzzEngine build() {
        try {
            Path shm = Path.of("/dev/shm");
            Path dir = Files.createTempDirectory(Files.isDirectory(shm) ? shm : Path.of(System.getProperty("java.io.tmpdir")),
                    "fuzz-engine");
            GatewayConfig config = TestGateway.editedConfig(dir.resolve("config"),
                    c -> c.replace("admin_token: \"\"", "admin_token: \"" + ADMIN_TOKEN + "\""));
            Store store = Store.open(dir.resolve("store"), config.store());
            try (InputStream in = config.seedSubscribers().orElseThrow().openStream()) {
                SubscriberCsv.store(store, SubscriberCsv.read(in, "subscribers.csv", config.numbering(),
                        YearMonth.now(TestGateway.CLOCK.withZone(config.zone())))).get();
            }
            ChargeDispatcher charges = new ChargeDispatcher(store, BillingHooks.of(new HookContext(dir, config.zone()), List.of()));
            OutboxDispatcher outbox = new OutboxDispatcher(store, config.outbox(), TestGateway.CLOCK);
            Map<String, Service> services = Services.builtIn(config);
            MenuLibrary menus = MenuSetup.library(config, services, Optional.empty());
            menus.reload();
            Engine engine = new Engine(config, services, menus,
                    new Dialogues(config.ussd().dialogueTimeout(), TestGateway.CLOCK), store, charges, outbox, TestGateway.CLOCK);
            return new FuzzEngine(config, engine);
        } catch (Exception e) {
            throw new IllegalStateException("the fuzz engine did not start: " + e, e);
        }
    }
}
