package org.starhash.gateway;

import org.starhash.gateway.config.ConfigLoader;
import org.starhash.gateway.config.GatewayConfig;
import org.starhash.gateway.services.Services;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.UnaryOperator;

/** Starts a real gateway for a test: the shipped config and demo subscribers, an ephemeral port, a temp store. */
public final class TestGateway {

    /** The moment the tests live in: November 2026, so the demo counters belong to the current month. */
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);

    private TestGateway() {
    }

    /** The shipped config/gateway.yaml, as the tests run from the gateway module. */
    public static GatewayConfig shippedConfig() throws Exception {
        return new ConfigLoader(Services.NAMES).load(Path.of("..", "config", "gateway.yaml"));
    }

    /**
     * The shipped config changed by {@code edit}, written to {@code dir} with the demo data beside it and
     * the shipped menus named by their absolute path.
     */
    public static GatewayConfig editedConfig(Path dir, UnaryOperator<String> edit) throws Exception {
        Files.createDirectories(dir);
        for (String file : new String[] {"subscribers.csv", "directory.csv"}) {
            Files.copy(Path.of("..", "config", file), dir.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        String shipped = Files.readString(Path.of("..", "config", "gateway.yaml"))
                .replace("menus: ../menus", "menus: \"" + Path.of("..", "menus").toAbsolutePath().normalize() + "\"");
        Path file = dir.resolve("gateway.yaml");
        Files.writeString(file, edit.apply(shipped));
        return new ConfigLoader(Services.NAMES).load(file);
    }

    public static Gateway start(Path dataDir) throws Exception {
        return start(shippedConfig(), dataDir);
    }

    public static Gateway start(GatewayConfig config, Path dataDir) throws Exception {
        return Gateway.start(config.withPorts(0, 0), dataDir, CLOCK);
    }
}
