package org.starhash.gateway.config;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.starhash.gateway.services.Services;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Any config text loads or is refused with one line naming the file; nothing else escapes the loader. */
class ConfigLoaderFuzzTest {

    private static final ConfigLoader LOADER = new ConfigLoader(Services.NAMES);

    @FuzzTest(maxDuration = "60s")
    void anyConfigLoadsOrIsRefusedWithALine(FuzzedDataProvider data) {
        String yaml = data.consumeRemainingAsString();
        try {
            LOADER.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "gateway.yaml",
                    ConfigLoaderFuzzTest::beside);
        } catch (ConfigException refused) {
            assertTrue(refused.getMessage().startsWith("gateway.yaml"), refused.getMessage());
        }
    }

    private static Optional<java.net.URL> beside(String name) {
        Path file = Path.of("..", "config").resolve(name).normalize();
        try {
            return Files.exists(file) ? Optional.of(file.toUri().toURL()) : Optional.empty();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }
}
