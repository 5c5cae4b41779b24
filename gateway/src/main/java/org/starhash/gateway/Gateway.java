package org.starhash.gateway;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.starhash.billing.BillingHooks;
import org.starhash.billing.HookContext;
import org.starhash.gateway.billing.ChargeDispatcher;
import org.starhash.gateway.config.GatewayConfig;
import org.starhash.gateway.config.SubscriberCsv;
import org.starhash.gateway.engine.Engine;
import org.starhash.gateway.engine.MenuSetup;
import org.starhash.gateway.http.HttpServer;
import org.starhash.gateway.menu.MenuLibrary;
import org.starhash.gateway.outbox.OutboxDispatcher;
import org.starhash.gateway.services.Service;
import org.starhash.gateway.services.Services;
import org.starhash.gateway.smpp.SmppServer;
import org.starhash.gateway.store.Disk;
import org.starhash.gateway.store.KeyFile;
import org.starhash.gateway.store.Store;
import org.starhash.gateway.store.Subscribers;
import org.starhash.gateway.ussd.Dialogues;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;

/**
 * A running gateway: store, billing, menus, engine and the SMPP and HTTP listeners, started in that order and
 * stopped in reverse.
 */
public final class Gateway implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);
    /** Where the store lives inside the data directory. */
    public static final String STORE_DIRECTORY = "store";
    /** The key one-time codes are hashed with, made at the first start; readable by the gateway's user only. */
    public static final String OTP_KEY = "otp.key";

    private final Resources resources;
    private final Store store;
    private final OutboxDispatcher outbox;
    private final MenuLibrary menus;
    private final Engine engine;
    private final InetSocketAddress smppAddress;
    private final InetSocketAddress httpAddress;

    private Gateway(Resources resources, Store store, OutboxDispatcher outbox, MenuLibrary menus, Engine engine,
                    InetSocketAddress address, InetSocketAddress httpAddress) {
        this.resources = resources;
        this.store = store;
        this.outbox = outbox;
        this.menus = menus;
        this.engine = engine;
        this.smppAddress = address;
        this.httpAddress = httpAddress;
    }

    /** Starts a gateway on a data directory, seeding an empty store with the configured demo subscribers. */
    public static Gateway start(GatewayConfig config, Path dataDir, Clock clock) throws Exception {
        return start(config, dataDir, clock, Disk.REAL);
    }

    /** The same with the store's file access through {@code disk}; for tests that make the disk fail. */
    public static Gateway start(GatewayConfig config, Path dataDir, Clock clock, Disk disk) throws Exception {
        Resources resources = new Resources();
        try {
            resources.add(DataLock.acquire(dataDir));
            Store store = resources.add(Store.open(dataDir.resolve(STORE_DIRECTORY), config.store(), disk));
            if (config.seedSubscribers().isPresent() && store.size(Subscribers.TABLE) == 0) {
                seed(store, config, config.seedSubscribers().get(), clock);
            }
            BillingHooks hooks = BillingHooks.load(new HookContext(dataDir, config.zone()));
            ChargeDispatcher charges = resources.add(new ChargeDispatcher(store, hooks));
            OutboxDispatcher outbox = resources.add(new OutboxDispatcher(store, config.outbox(), clock));
            Map<String, Service> services = Services.builtIn(config);
            MenuLibrary menus = resources.add(MenuSetup.library(config, services, Optional.empty()));
            menus.reload();
            menus.watch(config.ussd().menuReload());
            if (config.ussd().menus().isPresent()) {
                LOG.info("USSD menus from {}: {}", config.ussd().menus().get(), menus.codes());
            } else {
                LOG.warn("no menu directory: USSD menus are off");
            }
            Dialogues dialogues = new Dialogues(config.ussd().dialogueTimeout(), clock);
            Engine engine = resources.add(new Engine(config, services, menus, dialogues, store, charges, outbox, clock,
                    KeyFile.loadOrCreate(dataDir.resolve(OTP_KEY))));
            SmppServer smpp = resources.add(new SmppServer(config.smpp(), config.sms(), engine, config.ussd().itsSessionInfo()));
            outbox.start(smpp.courier(config.outbox()));
            InetSocketAddress address = smpp.start();
            InetSocketAddress httpAddress = null;
            if (config.http().enabled()) {
                HttpServer http = resources.add(new HttpServer(config.http(), engine));
                httpAddress = http.start();
                LOG.info("starhash listening for USSD over HTTP on http://{}:{}/ussd", httpAddress.getHostString(),
                        httpAddress.getPort());
            }
            LOG.info("starhash listening for SMPP on {}:{}, {} subscribers, billing hooks {}", address.getHostString(),
                    address.getPort(), store.size(Subscribers.TABLE), hooks.names());
            return new Gateway(resources, store, outbox, menus, engine, address, httpAddress);
        } catch (Exception e) {
            try {
                resources.close();
            } catch (IOException | RuntimeException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    private static void seed(Store store, GatewayConfig config, URL seed, Clock clock) throws Exception {
        List<SubscriberCsv.Row> subscribers;
        try (InputStream in = seed.openStream()) {
            subscribers = SubscriberCsv.read(in, seed.toString(), config.numbering(),
                    YearMonth.now(clock.withZone(config.zone())));
        }
        try {
            SubscriberCsv.store(store, subscribers).get();
        } catch (ExecutionException e) {
            throw new IOException("could not store the demo subscribers: " + e.getCause(), e.getCause());
        }
        LOG.info("empty store seeded with {} demo subscribers from {}", subscribers.size(), seed);
    }

    public InetSocketAddress smppAddress() {
        return smppAddress;
    }

    /** Where USSD over HTTP listens; empty when the HTTP listener is off. */
    public Optional<InetSocketAddress> httpAddress() {
        return Optional.ofNullable(httpAddress);
    }

    /** The store, for tests and the admin side. */
    public Store store() {
        return store;
    }

    /** The outbox delivery, for tests and the admin side. */
    public OutboxDispatcher outbox() {
        return outbox;
    }

    /** The menus being served, for tests and the admin side. */
    public MenuLibrary menus() {
        return menus;
    }

    /** The engine, for tests and the admin side. */
    public Engine engine() {
        return engine;
    }

    /** Stops what started in reverse order: listeners first, the store and the data lock last. */
    @Override
    public void close() throws IOException {
        resources.close();
        LOG.info("starhash stopped");
    }

    /**
     * What a gateway started, closed in the reverse order of its start, each even when one before it failed; the
     * one place the shutdown order is written.
     */
    private static final class Resources implements AutoCloseable {
        private final Deque<AutoCloseable> started = new ArrayDeque<>();

        <T extends AutoCloseable> T add(T resource) {
            started.push(resource);
            return resource;
        }

        @Override
        public void close() throws IOException {
            IOException failed = null;
            for (AutoCloseable resource; (resource = started.poll()) != null; ) {
                try {
                    resource.close();
                } catch (Exception | Error e) {
                    IOException wrapped = e instanceof IOException io ? io : new IOException("could not stop " + resource + ": " + e, e);
                    if (failed == null) {
                        failed = wrapped;
                    } else {
                        failed.addSuppressed(wrapped);
                    }
                }
            }
            if (failed != null) {
                throw failed;
            }
        }
    }

    /** An exclusive lock on the data directory, so two processes never write one store. */
    public static final class DataLock implements AutoCloseable {
        private final FileChannel channel;
        private final FileLock lock;

        private DataLock(FileChannel channel, FileLock lock) {
            this.channel = channel;
            this.lock = lock;
        }

        /** Locks the directory, or fails with a message that says who holds it. */
        public static DataLock acquire(Path dataDir) throws IOException {
            Files.createDirectories(dataDir);
            FileChannel channel = FileChannel.open(dataDir.resolve("LOCK"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new IOException("the data directory " + dataDir + " is in use by another starhash process");
            }
            return new DataLock(channel, lock);
        }

        @Override
        public void close() throws IOException {
            lock.release();
            channel.close();
        }
    }
}
