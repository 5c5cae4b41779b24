package org.starhash.gateway.config;

import org.starhash.gateway.sms.Keywords;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The operator's tables and amounts for the SMS keyword services (SERVICES.md §2).
 *
 * @param roaming   the roaming data limits and what GPRS TUJINA adds
 * @param premium   the monthly limit of 090 calls
 * @param spendAlertCents the extra-spend alert's threshold when switched on without one (LIMIT VKLOP)
 * @param keepUsageIdsDays how long a usage event's id is remembered, so that the same id again is a duplicate
 * @param storm     storm alerts (NEURJE)
 * @param directory the 1188 directory
 * @param donations donation keywords, upper-case without diacritics
 * @param providers content providers by id, in the order of the file; a stop keyword on a number belongs to one
 */
public record KeywordSettings(Roaming roaming, Premium premium, long spendAlertCents, int keepUsageIdsDays, Storm storm, Directory directory, Map<String, Donation> donations,
                              Map<String, Provider> providers) {

    /** The highest extra-spend threshold, in whole euros. */
    public static final int MAX_SPEND_ALERT = 10_000;
    /**
     * Usage ids are kept this long by default: the current and the whole previous billing month, so a batch sent
     * again across a month's end is still answered {@code duplicate}; an event older than that is refused as of a
     * closed month in any case when its {@code at} says so.
     */
    public static final int DEFAULT_KEEP_USAGE_IDS_DAYS = 62;
    /** Fewer days would forget an id of the month still being counted. */
    public static final int MIN_KEEP_USAGE_IDS_DAYS = 32;

    public KeywordSettings {
        Objects.requireNonNull(roaming, "roaming");
        Objects.requireNonNull(premium, "premium");
        Objects.requireNonNull(storm, "storm");
        Objects.requireNonNull(directory, "directory");
        donations = Map.copyOf(donations);
        // In the order of the file, so checks and errors name providers as the operator wrote them.
        providers = Collections.unmodifiableMap(new LinkedHashMap<>(providers));
    }

    /**
     * Roaming data limits of a month.
     *
     * @param euLimitCents    the limit in EU countries
     * @param nonEuLimitCents the limit outside the EU
     * @param euRaiseCents    what GPRS TUJINA adds in the EU
     * @param nonEuRaiseMb    what GPRS TUJINA adds outside the EU, in MB
     */
    public record Roaming(long euLimitCents, long nonEuLimitCents, long euRaiseCents, long nonEuRaiseMb) {
    }

    /**
     * The 090 limit of a month (seed 002 "Limit porabe"): postpaid subscribers only.
     *
     * @param monthlyLimitCents reached, 090 calls are barred until the next month
     */
    public record Premium(long monthlyLimitCents) {
    }

    /**
     * Storm alerts.
     *
     * @param maxPlaces the most places one subscriber may follow
     * @param radarLink the radar page every alert links to
     * @param places    the places alerts are issued for, in their proper spelling
     */
    public record Storm(int maxPlaces, String radarLink, List<String> places) {
        public Storm {
            places = List.copyOf(places);
        }

        /** The proper spelling of a place written without regard to case and diacritics. */
        public Optional<String> place(String written) {
            String folded = Keywords.fold(written);
            return places.stream().filter(p -> Keywords.fold(p).equals(folded)).findFirst();
        }
    }

    /**
     * The 1188 directory.
     *
     * @param entries    the listed subscribers
     * @param priceCents what one reply SMS with results costs
     * @param maxResults the most results one reply lists
     */
    public record Directory(List<DirectoryEntry> entries, long priceCents, int maxResults) {
        public Directory {
            entries = List.copyOf(entries);
        }
    }

    /**
     * One listing of the directory.
     *
     * @param name    the subscriber's name
     * @param address street and place
     * @param number  the phone number as printed
     */
    public record DirectoryEntry(String name, String address, String number) {
    }

    /**
     * A donation keyword.
     *
     * @param charity     who gets the money
     * @param amountCents how much, without VAT
     */
    public record Donation(String charity, long amountCents) {
    }

    /**
     * A content provider.
     *
     * @param id      its key in the config, stored with the subscriptions
     * @param name    its name, shown in the confirmation
     * @param contact where subscribers can complain
     * @param stop    its stop keywords (upper-case, without diacritics) by short number
     */
    public record Provider(String id, String name, String contact, Map<String, List<String>> stop) {
        public Provider {
            stop = Map.copyOf(stop);
        }
    }

    /** The provider whose stop keyword this is on a short number. */
    public Optional<Provider> providerOf(String number, String keyword) {
        return providers.values().stream()
                .filter(p -> p.stop().getOrDefault(number, List.of()).contains(keyword))
                .findFirst();
    }
}
