package org.starhash.gateway.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.starhash.gateway.store.Money;
import org.starhash.gateway.store.Numbering;
import org.starhash.gateway.store.StoreSettings;

import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.text.Normalizer;
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
                Path seed = dir.resolve(name);
                if (!Files.isRegularFile(seed)) {
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
            return load(in, "embedded gateway.yaml", name -> Optional.ofNullable(loader.getResource(base + name)));
        } catch (IOException e) {
            throw new ConfigException("embedded gateway.yaml: " + e.getMessage(), e);
        }
    }

    /** Finds a seed file named in the config. */
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
            file = new GatewayFile(null, null, null, null, null, null, null);
        }
        return new Validation(fileName, seeds).validate(file);
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

    /** Upper case without diacritics: how keywords are compared. */
    public static String foldKeyword(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return decomposed.replace('đ', 'd').replace('Đ', 'D').toUpperCase(Locale.ROOT).strip().replaceAll("\\s+", " ");
    }

    /** One validation pass; errors carry the file name and the key path. */
    private final class Validation {
        private final String fileName;
        private final SeedResolver seeds;

        Validation(String fileName, SeedResolver seeds) {
            this.fileName = fileName;
            this.seeds = seeds;
        }

        private ConfigException error(String path, String problem) {
            return new ConfigException(fileName + ": " + path + ": " + problem);
        }

        GatewayConfig validate(GatewayFile f) throws ConfigException {
            GatewayFile.Smpp smpp = f.smpp() == null ? new GatewayFile.Smpp(null, null, null, null, null, null) : f.smpp();
            GatewayFile.Numbering num = f.numbering() == null ? new GatewayFile.Numbering(null, null) : f.numbering();
            GatewayFile.Store store = f.store() == null ? new GatewayFile.Store(null, null, null, null, null) : f.store();
            GatewayFile.Billing billing = f.billing() == null ? new GatewayFile.Billing(null) : f.billing();
            GatewayFile.Ussd ussd = f.ussd() == null ? new GatewayFile.Ussd(null) : f.ussd();
            return new GatewayConfig(smpp(smpp), numbering(num), store(store), seed(store), zone(billing),
                    ussdCodes(ussd), shortNumbers(f.shortNumbers()), texts(f.texts()));
        }

        private SmppSettings smpp(GatewayFile.Smpp s) throws ConfigException {
            String host = or(s.host(), "127.0.0.1");
            if (host.isBlank()) {
                throw error("smpp.host", "must not be empty");
            }
            int port = or(s.port(), 2775);
            if (port < 0 || port > 65535) {
                throw error("smpp.port", port + " is not a port (0 to 65535)");
            }
            String systemId = or(s.systemId(), "starhash");
            if (systemId.isEmpty() || systemId.length() > 15) {
                throw error("smpp.system_id", "must be 1 to 15 characters (SMPP 3.4)");
            }
            Duration bind = seconds("smpp.bind_timeout_seconds", or(s.bindTimeoutSeconds(), 10));
            Duration idle = seconds("smpp.idle_timeout_seconds", or(s.idleTimeoutSeconds(), 120));
            Map<String, String> accounts = new LinkedHashMap<>();
            List<GatewayFile.Account> list = s.accounts() == null ? List.of() : s.accounts();
            for (int i = 0; i < list.size(); i++) {
                GatewayFile.Account a = list.get(i);
                String at = "smpp.accounts[" + i + "]";
                if (a == null || a.systemId() == null || a.systemId().isEmpty() || a.systemId().length() > 15) {
                    throw error(at + ".system_id", "must be 1 to 15 characters (SMPP 3.4)");
                }
                if (a.password() == null || a.password().isEmpty() || a.password().length() > 8) {
                    throw error(at + ".password", "must be 1 to 8 characters (SMPP 3.4)");
                }
                if (accounts.put(a.systemId(), a.password()) != null) {
                    throw error(at + ".system_id", "'" + a.systemId() + "' is listed twice");
                }
            }
            if (accounts.isEmpty()) {
                throw error("smpp.accounts", "at least one account is needed, or no peer can bind");
            }
            return new SmppSettings(host, port, systemId, bind, idle, accounts);
        }

        private Duration seconds(String path, int value) throws ConfigException {
            if (value < 1 || value > 86_400) {
                throw error(path, value + " is out of range (1 to 86400 seconds)");
            }
            return Duration.ofSeconds(value);
        }

        private Numbering numbering(GatewayFile.Numbering n) throws ConfigException {
            String cc = or(n.countryCode(), "386");
            String prefix = or(n.nationalPrefix(), "0");
            try {
                return new Numbering(cc, prefix);
            } catch (IllegalArgumentException e) {
                throw error(cc.matches("[1-9][0-9]{0,2}") ? "numbering.national_prefix" : "numbering.country_code",
                        e.getMessage());
            }
        }

        private StoreSettings store(GatewayFile.Store s) throws ConfigException {
            int maxBatch = or(s.maxBatch(), StoreSettings.DEFAULTS.maxBatch());
            int queue = or(s.queueCapacity(), StoreSettings.DEFAULTS.queueCapacity());
            int checkpoint = or(s.checkpointSeconds(), (int) StoreSettings.DEFAULTS.checkpointInterval().toSeconds());
            int segmentMb = or(s.journalSegmentMb(), (int) (StoreSettings.DEFAULTS.segmentBytes() >> 20));
            if (maxBatch < 1 || maxBatch > 1_000_000) {
                throw error("store.max_batch", maxBatch + " is out of range (1 to 1000000)");
            }
            if (queue < maxBatch || queue > 10_000_000) {
                throw error("store.queue_capacity", queue + " must be at least max_batch and at most 10000000");
            }
            if (segmentMb < 1 || segmentMb > 1024) {
                throw error("store.journal_segment_mb", segmentMb + " is out of range (1 to 1024)");
            }
            return new StoreSettings(maxBatch, queue, seconds("store.checkpoint_seconds", checkpoint),
                    (long) segmentMb << 20);
        }

        private Optional<URL> seed(GatewayFile.Store s) throws ConfigException {
            if (s.seedSubscribers() == null || s.seedSubscribers().isBlank()) {
                return Optional.empty();
            }
            Optional<URL> url = seeds.resolve(s.seedSubscribers());
            if (url.isEmpty()) {
                throw error("store.seed_subscribers", "'" + s.seedSubscribers() + "' does not exist (relative to the config file)");
            }
            return url;
        }

        private ZoneId zone(GatewayFile.Billing b) throws ConfigException {
            String zone = or(b.zone(), "Europe/Ljubljana");
            try {
                return ZoneId.of(zone);
            } catch (DateTimeException e) {
                throw error("billing.zone", "'" + zone + "' is not a time zone (for example Europe/Ljubljana)");
            }
        }

        private Map<String, String> ussdCodes(GatewayFile.Ussd u) throws ConfigException {
            Map<String, String> codes = new LinkedHashMap<>();
            if (u.codes() == null) {
                return codes;
            }
            for (Map.Entry<String, String> e : u.codes().entrySet()) {
                String path = "ussd.codes." + e.getKey();
                if (!e.getKey().matches("[0-9]{1,6}")) {
                    throw error(path, "a USSD service code is 1 to 6 digits");
                }
                codes.put(e.getKey(), service(path, e.getValue()));
            }
            return codes;
        }

        private Map<String, ShortNumberRoute> shortNumbers(Map<String, GatewayFile.ShortNumber> numbers)
                throws ConfigException {
            Map<String, ShortNumberRoute> routes = new LinkedHashMap<>();
            if (numbers == null) {
                return routes;
            }
            for (Map.Entry<String, GatewayFile.ShortNumber> e : numbers.entrySet()) {
                String path = "short_numbers." + e.getKey();
                if (!e.getKey().matches("[0-9]{3,8}")) {
                    throw error(path, "a short number is 3 to 8 digits");
                }
                GatewayFile.ShortNumber n = e.getValue() == null ? new GatewayFile.ShortNumber(null, null) : e.getValue();
                long price;
                try {
                    price = Money.parseCents(or(n.moPrice(), "0"));
                } catch (IllegalArgumentException | ArithmeticException ex) {
                    throw error(path + ".mo_price", ex.getMessage() + " (write euros, for example 0.09)");
                }
                if (price < 0) {
                    throw error(path + ".mo_price", "cannot be negative");
                }
                Map<String, String> keywords = new LinkedHashMap<>();
                if (n.keywords() == null || n.keywords().isEmpty()) {
                    throw error(path + ".keywords", "a short number needs at least one keyword");
                }
                for (Map.Entry<String, String> k : n.keywords().entrySet()) {
                    String folded = foldKeyword(k.getKey());
                    if (folded.isEmpty()) {
                        throw error(path + ".keywords", "a keyword is empty");
                    }
                    if (keywords.put(folded, service(path + ".keywords." + k.getKey(), k.getValue())) != null) {
                        throw error(path + ".keywords." + k.getKey(), "the same keyword as another one (case and diacritics do not count)");
                    }
                }
                routes.put(e.getKey(), new ShortNumberRoute(e.getKey(), price, keywords));
            }
            return routes;
        }

        private String service(String path, String name) throws ConfigException {
            if (name == null || !services.contains(name)) {
                throw error(path, "unknown service '" + name + "'; known services: " + new TreeSet<>(services));
            }
            return name;
        }

        private Texts texts(Map<String, String> texts) throws ConfigException {
            Map<String, String> given = texts == null ? Map.of() : texts;
            Map<TextKey, Template> parsed = new EnumMap<>(TextKey.class);
            Map<String, TextKey> byKey = new LinkedHashMap<>();
            for (TextKey key : TextKey.values()) {
                byKey.put(key.key(), key);
            }
            for (Map.Entry<String, String> e : given.entrySet()) {
                TextKey key = byKey.get(e.getKey());
                if (key == null) {
                    throw error("texts." + e.getKey(), "unknown text; known texts: " + String.join(", ", byKey.keySet()));
                }
                if (e.getValue() == null || e.getValue().isBlank()) {
                    throw error("texts." + e.getKey(), "must not be empty");
                }
                try {
                    parsed.put(key, Template.parse(e.getValue(), key.placeholders()));
                } catch (IllegalArgumentException ex) {
                    throw error("texts." + e.getKey(), ex.getMessage());
                }
            }
            for (TextKey key : TextKey.values()) {
                if (!parsed.containsKey(key)) {
                    throw error("texts." + key.key(), "missing; every text for handsets must be set in the config");
                }
            }
            return new Texts(parsed);
        }

        private static <T> T or(T value, T fallback) {
            return value == null ? fallback : value;
        }
    }
}
