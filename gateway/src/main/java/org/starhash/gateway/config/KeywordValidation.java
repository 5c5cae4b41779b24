package org.starhash.gateway.config;

import org.starhash.gateway.sms.Keywords;

import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static org.starhash.gateway.config.Checks.or;

/**
 * Validates what the SMS keyword services need: the {@code sms:} and {@code short_numbers:} sections and the
 * keyword services' tables under {@code services:}. Donation keywords and content providers' stop keywords join
 * the keyword tables of their short numbers here, so the router sees one table per number.
 */
final class KeywordValidation {

    /** Services the keyword tables of donations and content providers route to. */
    static final String DONATION = "donation";
    static final String CONTENT_STOP = "content_stop";
    /** The Slovenian Environment Agency's public radar page. */
    static final String DEFAULT_RADAR = "https://meteo.arso.gov.si/met/sl/weather/observ/radar/";

    private final String fileName;
    private final Checks checks;
    private final ConfigLoader.SeedResolver files;
    private final Set<String> services;

    KeywordValidation(String fileName, ConfigLoader.SeedResolver files, Set<String> services) {
        this.fileName = fileName;
        this.checks = new Checks(fileName);
        this.files = files;
        this.services = services;
    }

    SmsSettings sms(GatewayFile.Sms given) throws ConfigException {
        GatewayFile.Sms s = given == null ? new GatewayFile.Sms(null, null, null) : given;
        int timeout = checks.range("sms.concat_timeout_seconds", or(s.concatTimeoutSeconds(), 60), 1, 3600);
        int waiting = checks.range("sms.concat_max_waiting", or(s.concatMaxWaiting(), 10_000), 1, 1_000_000);
        return new SmsSettings(or(s.transliterate(), false), Duration.ofSeconds(timeout), waiting);
    }

    KeywordSettings settings(GatewayFile.Services given) throws ConfigException {
        GatewayFile.Services s = given == null
                ? new GatewayFile.Services(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null) : given;
        GatewayFile.Roaming r = s.roaming() == null ? new GatewayFile.Roaming(null, null, null, null) : s.roaming();
        KeywordSettings.Roaming roaming = new KeywordSettings.Roaming(
                positive("services.roaming.eu_limit", or(r.euLimit(), "61")),
                positive("services.roaming.non_eu_limit", or(r.nonEuLimit(), "100")),
                positive("services.roaming.eu_raise", or(r.euRaise(), "150")),
                checks.range("services.roaming.non_eu_raise_mb", or(r.nonEuRaiseMb(), 150), 1, 1_000_000));
        GatewayFile.Premium p = s.premium() == null ? new GatewayFile.Premium(null) : s.premium();
        KeywordSettings.Premium premium = new KeywordSettings.Premium(
                positive("services.premium.monthly_limit", or(p.monthlyLimit(), "50")));
        int threshold = checks.range("services.spend_alert.threshold",
                or(s.spendAlert() == null ? null : s.spendAlert().threshold(), 40), 1, KeywordSettings.MAX_SPEND_ALERT);
        int keepIds = checks.range("services.usage.keep_ids_days",
                or(s.usage() == null ? null : s.usage().keepIdsDays(), KeywordSettings.DEFAULT_KEEP_USAGE_IDS_DAYS),
                KeywordSettings.MIN_KEEP_USAGE_IDS_DAYS, 3660);
        return new KeywordSettings(roaming, premium, threshold * 100L, keepIds, storm(s.stormAlerts()), directory(s.directory()), donations(s.donations()),
                providers(s.contentProviders()));
    }

    private KeywordSettings.Storm storm(GatewayFile.StormAlerts given) throws ConfigException {
        GatewayFile.StormAlerts a = given == null ? new GatewayFile.StormAlerts(null, null, null) : given;
        int max = checks.range("services.storm_alerts.max_places", or(a.maxPlaces(), 5), 1, 50);
        String link = or(a.radarLink(), DEFAULT_RADAR);
        if (!link.matches("https?://\\S+")) {
            throw checks.error("services.storm_alerts.radar_link", "'" + link + "' must be an http:// or https:// link");
        }
        List<String> places = or(a.places(), List.of());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < places.size(); i++) {
            String place = places.get(i);
            if (place == null || place.isBlank() || !seen.add(Keywords.fold(place))) {
                throw checks.error("services.storm_alerts.places[" + i + "]", "'" + place
                        + "' is empty or the same as another place (case and diacritics do not count)");
            }
            if (Keywords.fold(place).endsWith(" STOP") || Keywords.fold(place).equals("STOP")) {
                throw checks.error("services.storm_alerts.places[" + i + "]", "a place cannot end with STOP, the word that unsubscribes");
            }
        }
        return new KeywordSettings.Storm(max, link, places.stream().map(String::strip).toList());
    }

    private KeywordSettings.Directory directory(GatewayFile.Directory given) throws ConfigException {
        GatewayFile.Directory d = given == null ? new GatewayFile.Directory(null, null, null) : given;
        long price = checks.euros("services.directory.price", or(d.price(), "0.42"));
        if (price < 0) {
            throw checks.error("services.directory.price", "cannot be negative");
        }
        int max = checks.range("services.directory.max_results", or(d.maxResults(), 3), 1, 20);
        List<KeywordSettings.DirectoryEntry> entries = new ArrayList<>();
        if (d.file() != null && !d.file().isBlank()) {
            Optional<URL> url = files.resolve(d.file());
            if (url.isEmpty()) {
                throw checks.error("services.directory.file", "'" + d.file() + "' does not exist (relative to the config file)");
            }
            entries = DirectoryCsv.read(url.get(), fileName + ": services.directory.file: " + d.file());
        }
        return new KeywordSettings.Directory(entries, price, max);
    }

    private Map<String, KeywordSettings.Donation> donations(GatewayFile.Donations given) throws ConfigException {
        Map<String, KeywordSettings.Donation> donations = new LinkedHashMap<>();
        if (given == null || given.keywords() == null) {
            return donations;
        }
        for (Map.Entry<String, GatewayFile.Donation> e : given.keywords().entrySet()) {
            String path = "services.donations.keywords." + e.getKey();
            GatewayFile.Donation d = e.getValue();
            if (d == null || d.charity() == null || d.charity().isBlank()) {
                throw checks.error(path + ".charity", "must name the charity");
            }
            long amount = checks.euros(path + ".amount", or(d.amount(), ""));
            if (amount <= 0) {
                throw checks.error(path + ".amount", "must be more than 0");
            }
            if (donations.put(Keywords.fold(e.getKey()), new KeywordSettings.Donation(d.charity(), amount)) != null) {
                throw checks.error(path, "the same keyword as another one (case and diacritics do not count)");
            }
        }
        return donations;
    }

    private Map<String, KeywordSettings.Provider> providers(Map<String, GatewayFile.Provider> given)
            throws ConfigException {
        Map<String, KeywordSettings.Provider> providers = new LinkedHashMap<>();
        if (given == null) {
            return providers;
        }
        for (Map.Entry<String, GatewayFile.Provider> e : given.entrySet()) {
            String path = "services.content_providers." + e.getKey();
            GatewayFile.Provider p = e.getValue();
            if (!e.getKey().matches("[a-z0-9_]{1,32}")) {
                throw checks.error(path, "a provider id is 1 to 32 lower-case letters, digits or _");
            }
            if (p == null || p.name() == null || p.name().isBlank()) {
                throw checks.error(path + ".name", "must name the provider");
            }
            Map<String, List<String>> stop = new LinkedHashMap<>();
            if (p.stop() == null || p.stop().isEmpty()) {
                throw checks.error(path + ".stop", "needs at least one short number with its stop keywords");
            }
            for (Map.Entry<String, List<String>> n : p.stop().entrySet()) {
                if (!n.getKey().matches("[0-9]{3,8}")) {
                    throw checks.error(path + ".stop." + n.getKey(), "a short number is 3 to 8 digits");
                }
                if (n.getValue() == null || n.getValue().isEmpty()) {
                    throw checks.error(path + ".stop." + n.getKey(), "needs at least one stop keyword");
                }
                for (int i = 0; i < n.getValue().size(); i++) {
                    if (n.getValue().get(i) == null || n.getValue().get(i).isBlank()) {
                        throw checks.error(path + ".stop." + n.getKey() + "[" + i + "]", "must be a keyword");
                    }
                }
                stop.put(n.getKey(), n.getValue().stream().map(Keywords::fold).toList());
            }
            providers.put(e.getKey(), new KeywordSettings.Provider(e.getKey(), p.name(), or(p.contact(), ""), stop));
        }
        return providers;
    }

    /** The keyword tables of the short numbers, with the donation and stop keywords joined in. */
    Map<String, ShortNumberRoute> shortNumbers(Map<String, GatewayFile.ShortNumber> numbers, GatewayFile.Services given,
                                               KeywordSettings settings) throws ConfigException {
        Map<String, Long> prices = new LinkedHashMap<>();
        Map<String, Map<String, String>> keywords = new LinkedHashMap<>();
        Map<String, Set<String>> free = new LinkedHashMap<>();
        Map<String, Optional<String>> anyText = new LinkedHashMap<>();
        Map<String, GatewayFile.ShortNumber> written = numbers == null ? Map.of() : numbers;
        for (Map.Entry<String, GatewayFile.ShortNumber> e : written.entrySet()) {
            String path = "short_numbers." + e.getKey();
            number(path, e.getKey());
            GatewayFile.ShortNumber n = e.getValue() == null ? new GatewayFile.ShortNumber(null, null, null, null) : e.getValue();
            long price = checks.euros(path + ".mo_price", or(n.moPrice(), "0"));
            if (price < 0) {
                throw checks.error(path + ".mo_price", "cannot be negative");
            }
            prices.put(e.getKey(), price);
            Map<String, String> table = new LinkedHashMap<>();
            for (Map.Entry<String, String> k : or(n.keywords(), Map.<String, String>of()).entrySet()) {
                add(table, path + ".keywords." + k.getKey(), k.getKey(), service(path + ".keywords." + k.getKey(), k.getValue()));
            }
            keywords.put(e.getKey(), table);
            Set<String> freeHere = new HashSet<>();
            for (String f : or(n.free(), List.<String>of())) {
                if (f == null || f.isBlank()) {
                    throw checks.error(path + ".free", "lists a keyword that is empty");
                }
                if (!table.containsKey(Keywords.fold(f))) {
                    throw checks.error(path + ".free", "'" + f + "' is not one of this number's keywords " + table.keySet());
                }
                freeHere.add(Keywords.fold(f));
            }
            free.put(e.getKey(), freeHere);
            anyText.put(e.getKey(), n.anyText() == null ? Optional.empty() : Optional.of(service(path + ".any_text", n.anyText())));
        }
        if (!settings.donations().isEmpty()) {
            String number = given == null || given.donations() == null || given.donations().number() == null
                    ? "1919" : given.donations().number();
            number("services.donations.number", number);
            Map<String, String> table = keywords.computeIfAbsent(number, k -> new LinkedHashMap<>());
            prices.putIfAbsent(number, 0L);
            for (String keyword : settings.donations().keySet()) {
                add(table, "services.donations.keywords." + keyword, keyword, service("services.donations", DONATION));
            }
        }
        Map<String, String> stopOwners = new LinkedHashMap<>();
        for (KeywordSettings.Provider p : settings.providers().values()) {
            for (Map.Entry<String, List<String>> stop : p.stop().entrySet()) {
                Map<String, String> table = keywords.computeIfAbsent(stop.getKey(), k -> new LinkedHashMap<>());
                prices.putIfAbsent(stop.getKey(), 0L);
                for (String keyword : stop.getValue()) {
                    String at = "services.content_providers." + p.id() + ".stop." + stop.getKey();
                    String owner = stopOwners.putIfAbsent(stop.getKey() + " " + keyword, p.id());
                    if (owner != null && !owner.equals(p.id())) {
                        throw checks.error(at, "'" + keyword + "' already stops another provider on " + stop.getKey());
                    }
                    if (owner == null) {
                        add(table, at, keyword, service(at, CONTENT_STOP));
                    }
                }
            }
        }
        Map<String, ShortNumberRoute> routes = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, String>> e : keywords.entrySet()) {
            Optional<String> any = anyText.getOrDefault(e.getKey(), Optional.empty());
            if (e.getValue().isEmpty() && any.isEmpty()) {
                throw checks.error("short_numbers." + e.getKey() + ".keywords", "a short number needs at least one keyword, or any_text");
            }
            routes.put(e.getKey(), new ShortNumberRoute(e.getKey(), prices.get(e.getKey()), e.getValue(),
                    free.getOrDefault(e.getKey(), Set.of()), any));
        }
        return routes;
    }

    private void number(String path, String number) throws ConfigException {
        if (!number.matches("[0-9]{3,8}")) {
            throw checks.error(path, "a short number is 3 to 8 digits");
        }
    }

    private void add(Map<String, String> table, String path, String keyword, String service) throws ConfigException {
        String folded = Keywords.fold(keyword);
        if (folded.isEmpty()) {
            throw checks.error(path, "a keyword is empty");
        }
        if (table.put(folded, service) != null) {
            throw checks.error(path, "the same keyword as another one on this number (case and diacritics do not count)");
        }
    }

    private String service(String path, String name) throws ConfigException {
        if (name == null || !services.contains(name)) {
            throw checks.error(path, "unknown service '" + name + "'; known services: " + new TreeSet<>(services));
        }
        return name;
    }

    private long positive(String path, String written) throws ConfigException {
        long cents = checks.euros(path, written);
        if (cents <= 0) {
            throw checks.error(path, "must be more than 0");
        }
        return cents;
    }
}
