package org.starhash.gateway;

import org.starhash.gateway.config.ConfigLoader;
import org.starhash.gateway.config.GatewayConfig;
import org.starhash.gateway.services.Services;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

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

    public static Gateway start(Path dataDir) throws Exception {
        return start(shippedConfig(), dataDir);
    }

    public static Gateway start(GatewayConfig config, Path dataDir) throws Exception {
        return Gateway.start(config.withSmppPort(0), dataDir, CLOCK);
    }
}
