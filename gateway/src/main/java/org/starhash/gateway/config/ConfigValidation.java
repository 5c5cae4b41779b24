package org.starhash.gateway.config;

import org.starhash.gateway.menu.Screens;
import org.starhash.gateway.store.StoreSettings;
import org.starhash.gateway.values.Money;
import org.starhash.gateway.values.Numbering;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** One validation pass; errors carry the file name and the key path. */
final class ConfigValidation {
    /** Where menus are looked for when the config does not say: beside the config directory. */
    static final String DEFAULT_MENUS = "../menus";

    private final String fileName;
    private final ConfigLoader.SeedResolver seeds;
    private final Set<String> services;

    ConfigValidation(String fileName, ConfigLoader.SeedResolver seeds, Set<String> services) {
        this.fileName = fileName;
        this.seeds = seeds;
        this.services = Set.copyOf(services);
    }

    private ConfigException error(String path, String problem) {
        return new ConfigException(fileName + ": " + path + ": " + problem);
    }

    GatewayConfig validate(GatewayFile f) throws ConfigException {
        GatewayFile.Smpp smpp = f.smpp() == null ? new GatewayFile.Smpp(null, null, null, null, null, null, null, null) : f.smpp();
        GatewayFile.Numbering num = f.numbering() == null ? new GatewayFile.Numbering(null, null) : f.numbering();
        GatewayFile.Store store = f.store() == null ? new GatewayFile.Store(null, null, null, null, null, null) : f.store();
        GatewayFile.Billing billing = f.billing() == null ? new GatewayFile.Billing(null) : f.billing();
        GatewayFile.Ussd ussd = f.ussd() == null ? new GatewayFile.Ussd(null, null, null, null, null, null) : f.ussd();
        GatewayFile.Http http = f.http() == null ? new GatewayFile.Http(null, null, null, null, null, null, null, null, null) : f.http();
        ServicesValidation more = new ServicesValidation(fileName);
        KeywordValidation keywords = new KeywordValidation(fileName, seeds, services);
        // In the order of the file, so the first error reported is the first one in it.
        SmppSettings smppSettings = smpp(smpp);
        HttpSettings httpSettings = http(http);
        Numbering numbering = numbering(num);
        StoreSettings storeSettings = store(store);
        Optional<URL> seed = seed(store);
        ZoneId zone = zone(billing);
        UssdSettings ussdSettings = ussd(ussd);
        SmsSettings sms = keywords.sms(f.sms());
        KeywordSettings keywordSettings = keywords.settings(f.services());
        return new GatewayConfig(smppSettings, httpSettings, numbering, storeSettings, seed, zone, ussdSettings, sms,
                keywords.shortNumbers(f.shortNumbers(), f.services(), keywordSettings), more.services(f.services()),
                keywordSettings, more.otp(f.services()), more.catalogue(f.services()), more.outbox(f.outbox(), smppSettings.accounts().keySet()), texts(f.texts()));
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
        return new SmppSettings(host, port, systemId, bind, idle, limits("smpp", s.maxConnections(),
                s.maxConnectionsPerAddress()), accounts);
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
        int cache = or(s.cacheEntries(), StoreSettings.DEFAULTS.cacheEntries());
        if (cache < 0 || cache > 100_000_000) {
            throw error("store.cache_entries", cache + " is out of range (0 to 100000000)");
        }
        return new StoreSettings(maxBatch, queue, seconds("store.checkpoint_seconds", checkpoint),
                (long) segmentMb << 20, cache);
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

    private HttpSettings http(GatewayFile.Http h) throws ConfigException {
        String host = or(h.host(), "127.0.0.1");
        if (host.isBlank()) {
            throw error("http.host", "must not be empty");
        }
        int port = or(h.port(), 8080);
        if (port < -1 || port > 65535) {
            throw error("http.port", port + " is not a port (0 to 65535, or -1 for no HTTP listener)");
        }
        String token = or(h.ussdToken(), "");
        if (token.isEmpty() && port >= 0 && !isLoopback(host)) {
            throw error("http.ussd_token", "must be set when http.host (" + host + ") is reachable from other hosts");
        }
        String admin = or(h.adminToken(), "");
        if (!admin.isEmpty() && admin.length() < 16) {
            throw error("http.admin_token", "must be at least 16 characters, or empty to turn the admin API off");
        }
        Duration idle = seconds("http.idle_timeout_seconds", or(h.idleTimeoutSeconds(), 60));
        Duration request = seconds("http.request_timeout_seconds", or(h.requestTimeoutSeconds(), 10));
        int header = or(h.maxHeaderBytes(), 8192);
        if (header < 1024 || header > 1 << 20) {
            throw error("http.max_header_bytes", header + " is out of range (1024 to 1048576)");
        }
        return new HttpSettings(host, port, token, admin, idle, request, header,
                limits("http", h.maxConnections(), h.maxConnectionsPerAddress()));
    }

    /** The connection caps of a listener; defaults that no honest peer reaches, far below the descriptors. */
    private ConnectionLimits limits(String section, Integer all, Integer perAddress) throws ConfigException {
        int max = or(all, 2000);
        if (max < 1 || max > 1_000_000) {
            throw error(section + ".max_connections", max + " is out of range (1 to 1000000)");
        }
        int each = or(perAddress, 200);
        if (each < 1 || each > max) {
            throw error(section + ".max_connections_per_address", each + " is out of range (1 to max_connections, " + max + ")");
        }
        return new ConnectionLimits(max, each);
    }

    private static boolean isLoopback(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("::1");
    }

    private UssdSettings ussd(GatewayFile.Ussd u) throws ConfigException {
        Optional<Path> menus = menus(u.menus());
        Duration timeout = seconds("ussd.dialogue_timeout_seconds", or(u.dialogueTimeoutSeconds(), 60));
        String reference = or(u.dialogueReference(), "user_message_reference");
        if (!reference.equals("user_message_reference") && !reference.equals("its_session_info")) {
            throw error("ussd.dialogue_reference", "'" + reference + "' must be user_message_reference or its_session_info");
        }
        GatewayFile.Keys k = u.keys() == null ? new GatewayFile.Keys(null, null, null) : u.keys();
        Screens.Keys keys;
        try {
            keys = new Screens.Keys(or(k.back(), "0"), or(k.home(), "00"), or(k.more(), "98"));
        } catch (IllegalArgumentException e) {
            throw error("ussd.keys", e.getMessage());
        }
        Duration reload = seconds("ussd.menu_reload_seconds", or(u.menuReloadSeconds(), 2));
        return new UssdSettings(ussdCodes(u), menus, timeout, reference.equals("its_session_info"), keys, reload);
    }

    private Optional<Path> menus(String given) throws ConfigException {
        String name = given == null ? DEFAULT_MENUS : given;
        Optional<URL> url = seeds.resolve(name);
        if (url.isEmpty()) {
            if (given == null) {
                return Optional.empty();
            }
            throw error("ussd.menus", "'" + given + "' does not exist (relative to the config file)");
        }
        try {
            return Optional.of(Resources.path(url.get()));
        } catch (IOException | URISyntaxException | RuntimeException e) {
            throw error("ussd.menus", "'" + name + "' cannot be opened: " + e.getMessage());
        }
    }

    private Map<String, String> ussdCodes(GatewayFile.Ussd u) throws ConfigException {
        Map<String, String> codes = new LinkedHashMap<>();
        if (u.codes() == null) {
            return codes;
        }
        for (Map.Entry<String, String> e : u.codes().entrySet()) {
            String path = "ussd.codes." + e.getKey();
            if (!e.getKey().matches("[0-9]{1,6}\\*?")) {
                throw error(path, "a USSD service code is 1 to 6 digits, with a * after them for the code followed by parts");
            }
            codes.put(e.getKey(), service(path, e.getValue()));
        }
        return codes;
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
