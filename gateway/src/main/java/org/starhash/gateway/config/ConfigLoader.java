package org.starhash.gateway.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.starhash.gateway.store.StoreSettings;
import org.starhash.gateway.values.Money;
import org.starhash.gateway.values.Numbering;

import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads {@code gateway.yaml} into the file model and validates it into {@link GatewayConfig}; absent keys take
 * the documented defaults, anything unknown or impossible is refused.
 */
public final class ConfigLoader {


    /** Where the shipped config lives inside the jar, the embedded default. */
    public static final String EMBEDDED = "starhash/defaults/gateway.yaml";

    private final YAMLMapper yaml = YAMLMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private final Set<String> services;

    /** A loader that accepts the given service names in routes. */
    public ConfigLoader(Set<String> services) {
        this.services = Set.copyOf(services);
    }

    /** Loads a config file. */
    public GatewayConfig load(Path file) throws ConfigException {
        try (InputStream in = Files.newInputStream(file)) {
            Path dir = file.toAbsolutePath().getParent();
            return load(in, file.toString(), name -> {
                Path seed = dir.resolve(name).normalize();
                if (!Files.exists(seed)) {
                    return Optional.empty();
                }
                try {
                    return Optional.of(seed.toUri().toURL());
                } catch (MalformedURLException e) {
                    return Optional.empty();
                }
            });
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + ": no such file");
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot be read: " + e.getMessage(), e);
        }
    }

    /** Loads the config shipped inside the jar. */
    public GatewayConfig loadEmbedded() throws ConfigException {
        ClassLoader loader = ConfigLoader.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(EMBEDDED)) {
            if (in == null) {
                throw new ConfigException("the embedded " + EMBEDDED + " is missing from the jar");
            }
            String base = EMBEDDED.substring(0, EMBEDDED.lastIndexOf('/') + 1);
            return load(in, "embedded gateway.yaml", name -> Resources.find(loader, base + name));
        } catch (IOException e) {
            throw new ConfigException("embedded gateway.yaml: " + e.getMessage(), e);
        }
    }

    /** Finds a file or directory the config names, relative to the config. */
    interface SeedResolver {
        Optional<URL> resolve(String name);
    }

    GatewayConfig load(InputStream in, String fileName, SeedResolver seeds) throws ConfigException {
        GatewayFile file;
        try (JsonParser parser = yaml.createParser(in)) {
            // A file of nothing but comments is valid: every key takes its default.
            file = parser.nextToken() == null ? null : yaml.readValue(parser, GatewayFile.class);
        } catch (JacksonException e) {
            throw new ConfigException(fileName + ": " + describe(e), e);
        } catch (IOException e) {
            throw new ConfigException(fileName + ": cannot be read: " + e.getMessage(), e);
        }
        if (file == null) {
            file = new GatewayFile(null, null, null, null, null, null, null, null, null, null, null);
        }
        return new ConfigValidation(fileName, seeds, services).validate(file);
    }

    private static String describe(JacksonException e) {
        String where = "";
        JsonLocation location = e.getLocation();
        if (location != null && location.getLineNr() > 0) {
            where = " (line " + location.getLineNr() + ")";
        }
        if (e instanceof UnrecognizedPropertyException u) {
            return pathOf(u) + ": unknown key" + where + "; known keys here: "
                    + u.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.joining(", "));
        }
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            return pathOf(m) + ": " + firstLine(m.getOriginalMessage()) + where;
        }
        return firstLine(e.getOriginalMessage()) + where;
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "invalid value";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
