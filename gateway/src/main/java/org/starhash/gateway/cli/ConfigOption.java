package org.starhash.gateway.cli;

import org.starhash.gateway.config.ConfigException;
import org.starhash.gateway.config.ConfigLoader;
import org.starhash.gateway.config.GatewayConfig;
import org.starhash.gateway.services.Services;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;

/** The {@code --config} and {@code --data} options, resolved against the starhash home the launcher sets. */
final class ConfigOption {

    @Option(names = "--config", paramLabel = "FILE",
            description = "gateway config (default: config/gateway.yaml, or the copy built into the jar when that is missing)")
    Path config;

    @Option(names = "--data", paramLabel = "DIR", description = "data directory (default: data/)")
    Path data;

    static Path home() {
        String home = System.getProperty("starhash.home");
        return home == null ? Path.of("") : Path.of(home);
    }

    GatewayConfig load() throws ConfigException {
        return load(config);
    }

    /** Loads the given file, or else the standard config of the home, or else the embedded one. */
    static GatewayConfig load(Path config) throws ConfigException {
        ConfigLoader loader = new ConfigLoader(Services.NAMES);
        if (config != null) {
            return loader.load(config);
        }
        Path standard = home().resolve("config").resolve("gateway.yaml");
        return Files.exists(standard) ? loader.load(standard) : loader.loadEmbedded();
    }

    Path dataDir() {
        return data != null ? data : home().resolve("data");
    }
}
