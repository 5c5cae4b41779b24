package org.starhash.gateway.config;

import org.junit.jupiter.api.Test;
import org.starhash.gateway.services.Services;
import org.starhash.gateway.sms.Keywords;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigLoaderTest {

    private static final ConfigLoader LOADER = new ConfigLoader(Services.NAMES);

    private static String shipped() throws Exception {
        return Files.readString(Path.of("..", "config", "gateway.yaml"));
    }

    private static GatewayConfig load(String yaml) throws ConfigException {
        return LOADER.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "gateway.yaml",
                ConfigLoaderTest::shippedFile);
    }

    /** A file beside the shipped config, as the loader of a file there would find it. */
    private static Optional<java.net.URL> shippedFile(String name) {
        Path file = Path.of("..", "config").resolve(name).normalize();
        try {
            return Files.exists(file) ? Optional.of(file.toUri().toURL()) : Optional.empty();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String error(String yaml) {
        return assertThrows(ConfigException.class, () -> load(yaml)).getMessage();
    }

    @Test
    void theShippedConfigLoadsWithItsDocumentedValues() throws Exception {
        GatewayConfig config = LOADER.load(Path.of("..", "config", "gateway.yaml"));
        assertEquals("127.0.0.1", config.smpp().host());
        assertEquals(2775, config.smpp().port());
        assertEquals(java.util.List.of("ussdc", "smsc"), java.util.List.copyOf(config.smpp().accounts().keySet()),
                "accounts keep the order of the file: dial and sms bind with the first");
        assertEquals("386", config.numbering().countryCode());
        assertEquals("0", config.numbering().nationalPrefix());
        assertEquals("balance", config.ussdCodes().get("123"));
        assertEquals(9, config.shortNumbers().get("7070").moPriceCents());
        assertTrue(config.seedSubscribers().isPresent());
        assertEquals("Stanje na vašem računu je 1,00 EUR.",
                config.texts().render(TextKey.BALANCE_PREPAID, Map.of("balance", "1,00")));
    }

    @Test
    void theEmbeddedCopyIsTheShippedFile() throws Exception {
        // The jar carries config/gateway.yaml; target/classes holds the same copy.
        GatewayConfig embedded = LOADER.loadEmbedded();
        assertEquals(2775, embedded.smpp().port());
        assertTrue(embedded.seedSubscribers().isPresent(), "the embedded config finds its embedded demo subscribers");
    }

    @Test
    void anUnknownKeyNamesItsPathAndLine() throws Exception {
        String message = error(shipped().replace("  accounts:", "  acounts:"));
        assertTrue(message.startsWith("gateway.yaml: smpp.acounts: unknown key (line "), message);
        assertTrue(message.contains("known keys here: accounts,"), message);
    }

    @Test
    void aWrongTypeNamesTheKey() throws Exception {
        String message = error(shipped().replace("port: 2775", "port: lots"));
        assertTrue(message.startsWith("gateway.yaml: smpp.port: "), message);
    }

    @Test
    void anImpossiblePortIsRefused() throws Exception {
        assertEquals("gateway.yaml: smpp.port: 70000 is not a port (0 to 65535)",
                error(shipped().replace("port: 2775", "port: 70000")));
    }

    @Test
    void aPasswordLongerThanSmppAllowsIsRefused() throws Exception {
        assertEquals("gateway.yaml: smpp.accounts[1].password: must be 1 to 8 characters (SMPP 3.4)",
                error(shipped().replace("password: smscpw", "password: muchtoolongpassword")));
    }

    @Test
    void anUnknownServiceInARouteIsRefused() throws Exception {
        String message = error(shipped().replace("\"123\": balance", "\"123\": balanse"));
        assertTrue(message.startsWith("gateway.yaml: ussd.codes.123: unknown service 'balanse'"), message);
    }

    @Test
    void anUnknownPlaceholderInATextIsRefused() throws Exception {
        String message = error(shipped().replace("je {balance} EUR.\"", "je {balanse} EUR.\""));
        assertTrue(message.startsWith("gateway.yaml: texts.balance_prepaid: unknown placeholder {balanse}"), message);
    }

    @Test
    void aMissingTextIsRefused() throws Exception {
        String yaml = shipped().replaceAll("(?m)^  try_later: .*$", "");
        assertEquals("gateway.yaml: texts.try_later: missing; every text for handsets must be set in the config",
                error(yaml));
    }

    @Test
    void anUnknownTextIsRefused() throws Exception {
        String message = error(shipped().replace("  try_later:", "  try_latter:"));
        assertTrue(message.startsWith("gateway.yaml: texts.try_latter: unknown text"), message);
    }

    @Test
    void aPriceWithThreeDecimalsIsRefused() throws Exception {
        String message = error(shipped().replace("mo_price: \"0.09\"", "mo_price: \"0.095\""));
        assertTrue(message.startsWith("gateway.yaml: short_numbers.7070.mo_price: '0.095' has more than two decimals"),
                message);
    }

    @Test
    void keywordsThatDifferOnlyInCaseOrDiacriticsClash() throws Exception {
        String message = error(shipped().replace("      PORABA: spend", "      PORABA: spend\n      Porába: spend"));
        assertTrue(message.contains("short_numbers.7070.keywords.Porába: the same keyword"), message);
    }

    @Test
    void aSeedFileThatDoesNotExistIsRefused() throws Exception {
        ConfigException e = assertThrows(ConfigException.class, () -> LOADER.load(
                new ByteArrayInputStream(shipped().getBytes(StandardCharsets.UTF_8)), "gateway.yaml", name -> Optional.empty()));
        assertEquals("gateway.yaml: store.seed_subscribers: 'subscribers.csv' does not exist (relative to the config file)",
                e.getMessage());
    }

    @Test
    void anEmptyFileIsRefusedForWantOfAccounts() {
        assertEquals("gateway.yaml: smpp.accounts: at least one account is needed, or no peer can bind", error(""));
        assertEquals("gateway.yaml: smpp.accounts: at least one account is needed, or no peer can bind",
                error("# only a comment\n"));
    }

    @Test
    void accountsAloneAreEnoughAndEverythingElseDefaults() throws Exception {
        String minimal = shipped().substring(0, shipped().indexOf("numbering:")) + shipped().substring(shipped().indexOf("texts:"));
        GatewayConfig config = load(minimal);
        assertEquals("386", config.numbering().countryCode());
        assertEquals(java.time.ZoneId.of("Europe/Ljubljana"), config.zone());
        assertEquals(Map.of(), config.ussdCodes());
    }

    @Test
    void theUssdAndHttpDefaultsAreTheDocumentedOnes() throws Exception {
        GatewayConfig config = LOADER.load(Path.of("..", "config", "gateway.yaml"));
        assertEquals(java.time.Duration.ofSeconds(60), config.ussd().dialogueTimeout());
        assertEquals(new org.starhash.gateway.menu.Screens.Keys("0", "00", "98"), config.ussd().keys());
        assertEquals(Path.of("..", "menus").toAbsolutePath().normalize(), config.ussd().menus().orElseThrow());
        assertEquals(false, config.ussd().itsSessionInfo());
        assertEquals("127.0.0.1", config.http().host());
        assertEquals(8080, config.http().port());
        assertEquals(java.time.Duration.ofSeconds(60), config.http().idleTimeout());
        assertEquals(java.time.Duration.ofSeconds(10), config.http().requestTimeout());
        assertEquals(8192, config.http().maxHeaderBytes());
        assertEquals(new ConnectionLimits(2000, 200), config.http().limits());
        assertEquals(new ConnectionLimits(2000, 200), config.smpp().limits());
    }

    @Test
    void badConnectionLimitsAreRefused() throws Exception {
        assertEquals("gateway.yaml: smpp.max_connections_per_address: 3000 is out of range (1 to max_connections, 2000)",
                error(shipped().replace("max_connections_per_address: 200 # from one", "max_connections_per_address: 3000 # from one")));
        assertEquals("gateway.yaml: http.max_connections: 0 is out of range (1 to 1000000)",
                error(shipped().replace("max_connections: 2000            # open at once", "max_connections: 0 # open at once")));
        assertEquals("gateway.yaml: http.max_header_bytes: 100 is out of range (1024 to 1048576)",
                error(shipped().replace("max_header_bytes: 8192 ", "max_header_bytes: 100 ")));
        assertEquals("gateway.yaml: http.request_timeout_seconds: 0 is out of range (1 to 86400 seconds)",
                error(shipped().replace("request_timeout_seconds: 10 ", "request_timeout_seconds: 0 ")));
    }

    @Test
    void theServiceAndOutboxDefaultsAreTheDocumentedOnes() throws Exception {
        GatewayConfig config = LOADER.load(Path.of("..", "config", "gateway.yaml"));
        ServiceSettings s = config.services();
        assertEquals("7070", s.sender());
        assertEquals(java.util.List.of(500L, 1000L, 2000L), s.topupAmountsCents());
        assertEquals(10_000, s.topupDailyLimitCents());
        assertEquals(10, s.callbackDailyLimit());
        assertEquals(30, s.collectCallPriceCents());
        assertEquals("0000", s.defaultBarringPin());
        assertEquals(3, s.maxWrongPins());
        assertEquals(25, s.defaultRingSeconds());
        assertEquals(new OutboxSettings(10, java.time.Duration.ofSeconds(10), java.time.Duration.ofSeconds(1),
                java.time.Duration.ofSeconds(300), "smsc", "ussdc"), config.outbox());
        assertEquals("", config.http().adminToken(), "the admin API is off until a token is set");
        assertEquals("topup", config.ussdCodes().get("123*"));
    }

    @Test
    void badServiceAndOutboxSettingsAreRefused() throws Exception {
        assertEquals("gateway.yaml: services.topup.amounts[1]: 'deset' is not an amount (write euros, for example 5 or 0.30)",
                error(shipped().replace("amounts: [5, 10, 20]", "amounts: [5, deset, 20]")));
        assertEquals("gateway.yaml: services.barring.default_pin: must be 4 digits (write it in quotes, as \"0000\")",
                error(shipped().replace("default_pin: \"0000\"", "default_pin: \"00\"")));
        assertEquals("gateway.yaml: services.forwarding.default_ring_seconds: 40 is out of range (5 to 30)",
                error(shipped().replace("default_ring_seconds: 25", "default_ring_seconds: 40")));
        assertEquals("gateway.yaml: services.collect_call.caller_notice: 'fax' must be sms or ussd",
                error(shipped().replace("caller_notice: sms", "caller_notice: fax")));
        assertEquals("gateway.yaml: outbox.sms_account: 'smscx' is not one of smpp.accounts [ussdc, smsc]",
                error(shipped().replace("sms_account: smsc", "sms_account: smscx")));
        assertEquals("gateway.yaml: http.admin_token: must be at least 16 characters, or empty to turn the admin API off",
                error(shipped().replace("admin_token: \"\"", "admin_token: \"short\"")));
        assertEquals("gateway.yaml: ussd.codes.12a: a USSD service code is 1 to 6 digits, with a * after them for the "
                + "code followed by parts", error(shipped().replace("\"111\": collect_call", "\"12a\": collect_call")));
    }

    @Test
    void theKeywordTablesJoinDonationsAndStopCodesToTheirNumbers() throws Exception {
        GatewayConfig config = LOADER.load(Path.of("..", "config", "gateway.yaml"));
        assertEquals(false, config.sms().transliterate());
        assertEquals(60, config.sms().concatTimeout().toSeconds());
        ShortNumberRoute donations = config.shortNumbers().get("1919");
        assertEquals("spp", donations.keywords().get("SPP"));
        assertEquals("donation", donations.keywords().get("NOGICE5"));
        assertEquals(500, config.keywords().donations().get("NOGICE5").amountCents());
        assertEquals(java.util.Set.of("CHAT STOP", "IGRA STOP", "PIMP STOP", "RADAR STOP"),
                config.shortNumbers().get("6161").keywords().keySet());
        assertEquals(java.util.Optional.of("directory"), config.shortNumbers().get("1188").anyText());
        assertEquals(java.util.Set.of("NEURJE"), config.shortNumbers().get("7070").free());
        assertEquals(java.util.Optional.of("Žalec"), config.keywords().storm().place("ZALEC"));
        assertEquals(java.util.Optional.of("Novo mesto"), config.keywords().storm().place("novo  mesto"));
        assertEquals(9, config.keywords().directory().entries().size());
        assertEquals(42, config.keywords().directory().priceCents());
    }

    @Test
    void badKeywordServiceSettingsAreRefused() throws Exception {
        assertEquals("gateway.yaml: short_numbers.1188.any_text: unknown service 'directori'; known services: "
                + new java.util.TreeSet<>(Services.NAMES), error(shipped().replace("any_text: directory", "any_text: directori")));
        assertEquals("gateway.yaml: short_numbers.7070.free: 'NEVIHTA' is not one of this number's keywords "
                + "[PORABA, POLNI, GPRS TUJINA, LIMIT, NEURJE]", error(shipped().replace("free: [NEURJE]", "free: [NEVIHTA]")));
        assertEquals("gateway.yaml: services.donations.keywords.NOGICE.amount: must be more than 0",
                error(shipped().replace("NOGICE: {charity: Društvo \"Vesele nogice\", amount: 1}",
                        "NOGICE: {charity: Društvo \"Vesele nogice\", amount: 0}")));
        assertEquals("gateway.yaml: services.donations.keywords.SPP: the same keyword as another one on this number "
                + "(case and diacritics do not count)", error(shipped().replace("      POT: {", "      SPP: {")));
        assertEquals("gateway.yaml: services.storm_alerts.radar_link: 'wap.telemach.si' must be an http:// or https:// link",
                error(shipped().replace("radar_link: \"https://wap.telemach.si/radar\"", "radar_link: wap.telemach.si")));
        assertEquals("gateway.yaml: services.storm_alerts.places[0]: a place cannot end with STOP, the word that unsubscribes",
                error(shipped().replace("places: [Ajdovščina,", "places: [Bus Stop,")));
        assertEquals("gateway.yaml: services.directory.file: 'imenik.csv' does not exist (relative to the config file)",
                error(shipped().replace("file: directory.csv", "file: imenik.csv")));
        assertEquals("gateway.yaml: services.content_providers.tsmedia.stop.6600: 'CHAT STOP' already stops another "
                + "provider on 6600", error(shipped().replace("\"4321\": [VZDEVEK STOP, STOP]",
                        "\"4321\": [VZDEVEK STOP, STOP]\n        \"6600\": [CHAT STOP]")));
        assertEquals("gateway.yaml: sms.concat_timeout_seconds: 0 is out of range (1 to 3600)",
                error(shipped().replace("concat_timeout_seconds: 60", "concat_timeout_seconds: 0")));
    }

    @Test
    void anHttpListenerOffLoopbackNeedsAToken() throws Exception {
        assertEquals("gateway.yaml: http.ussd_token: must be set when http.host (0.0.0.0) is reachable from other hosts",
                error(shipped().replace("  host: 127.0.0.1            # default 127.0.0.1\n  port: 8080",
                        "  host: 0.0.0.0\n  port: 8080")));
    }

    @Test
    void badDialogueSettingsAreRefused() throws Exception {
        assertEquals("gateway.yaml: ussd.dialogue_reference: 'session' must be user_message_reference or its_session_info",
                error(shipped().replace("dialogue_reference: user_message_reference", "dialogue_reference: session")));
        assertEquals("gateway.yaml: ussd.keys: the back, home and more keys must differ",
                error(shipped().replace("home: \"00\"", "home: \"0\"")));
        assertEquals("gateway.yaml: ussd.dialogue_timeout_seconds: 0 is out of range (1 to 86400 seconds)",
                error(shipped().replace("dialogue_timeout_seconds: 60", "dialogue_timeout_seconds: 0")));
    }

    @Test
    void aMissingFileIsOneClearLine() {
        ConfigException e = assertThrows(ConfigException.class, () -> LOADER.load(Path.of("no", "such.yaml")));
        assertEquals(Path.of("no", "such.yaml") + ": no such file", e.getMessage());
    }

    @Test
    void keywordsFoldCaseAndDiacritics() {
        assertEquals("NEURJE ZALEC", Keywords.fold("  neurje   Žalec "));
        assertEquals("DAKOVO", Keywords.fold("đakovo"));
    }
}
