package org.starhash.gateway.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.starhash.gateway.config.Checks.or;

/** Validates the {@code services:} and {@code outbox:} sections; errors carry the file name and the key path. */
final class ServicesValidation {

    private final Checks checks;

    ServicesValidation(String fileName) {
        this.checks = new Checks(fileName);
    }

    Catalogue catalogue(GatewayFile.Services given) throws ConfigException {
        List<GatewayFile.Offer> entries = given == null || given.catalogue() == null ? List.of() : given.catalogue();
        List<Catalogue.Offer> offers = new ArrayList<>();
        Set<String> ids = new java.util.HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            String at = "services.catalogue[" + i + "]";
            GatewayFile.Offer e = entries.get(i);
            if (e == null) {
                throw checks.error(at, "is empty; an entry has id, name, kind, price and for");
            }
            String id = e.id() == null ? "" : e.id();
            if (!id.matches("[a-z0-9]{1,20}")) {
                throw checks.error(at + ".id", "'" + id + "' must be 1 to 20 lower-case letters and digits (keywords name it)");
            }
            if (!ids.add(id)) {
                throw checks.error(at + ".id", "'" + id + "' is the id of an earlier entry too");
            }
            if (e.name() == null || e.name().isBlank() || e.name().length() > 40) {
                throw checks.error(at + ".name", "is required, at most 40 characters (a menu line shows it)");
            }
            Catalogue.Kind kind = null;
            for (Catalogue.Kind k : Catalogue.Kind.values()) {
                if (k.key().equals(e.kind())) {
                    kind = k;
                }
            }
            if (kind == null) {
                throw checks.error(at + ".kind", "'" + e.kind() + "' is none of " + java.util.Arrays.stream(Catalogue.Kind.values())
                        .map(Catalogue.Kind::key).collect(java.util.stream.Collectors.joining(", ")));
            }
            long price = checks.euros(at + ".price", or(e.price(), "0"));
            if (price < 0) {
                throw checks.error(at + ".price", "cannot be below zero");
            }
            if (kind == Catalogue.Kind.FREE && price != 0) {
                throw checks.error(at + ".price", "a free service has no price");
            }
            if (kind != Catalogue.Kind.FREE && price == 0) {
                throw checks.error(at + ".price", "is required for kind " + kind.key() + " (use kind free for a service that costs nothing)");
            }
            int days = 0;
            if (kind == Catalogue.Kind.FIXED) {
                days = checks.range(at + ".days", or(e.days(), 0), 1, 366);
            } else if (e.days() != null) {
                throw checks.error(at + ".days", "only a service of kind fixed has days");
            }
            if (kind == Catalogue.Kind.SPECIAL && (e.terms() == null || e.terms().isBlank())) {
                throw checks.error(at + ".terms", "a service of kind special needs the terms subscribers accept");
            }
            if (kind != Catalogue.Kind.SPECIAL && e.terms() != null) {
                throw checks.error(at + ".terms", "only a service of kind special has terms");
            }
            String forWhom = or(e.forWhom(), "both");
            if (!Set.of("postpaid", "prepaid", "both").contains(forWhom)) {
                throw checks.error(at + ".for", "'" + forWhom + "' is none of postpaid, prepaid, both");
            }
            offers.add(new Catalogue.Offer(id, e.name().strip(), kind, price, days,
                    java.util.Optional.ofNullable(e.terms()).map(String::strip), !forWhom.equals("prepaid"),
                    !forWhom.equals("postpaid")));
        }
        return new Catalogue(offers);
    }

    OtpSettings otp(GatewayFile.Services given) throws ConfigException {
        GatewayFile.Otp o = given == null || given.otp() == null ? new GatewayFile.Otp(null, null, null, null, null) : given.otp();
        OtpSettings d = OtpSettings.DEFAULTS;
        int valid = checks.range("services.otp.valid_seconds", or(o.validSeconds(), (int) d.valid().toSeconds()), 30, 3600);
        int resend = checks.range("services.otp.resend_seconds", or(o.resendSeconds(), (int) d.resend().toSeconds()), 1, valid);
        int sends = checks.range("services.otp.max_sends", or(o.maxSends(), d.maxSends()), 1, 100);
        int window = checks.range("services.otp.window_minutes", or(o.windowMinutes(), (int) d.window().toMinutes()), 1, 1440);
        int attempts = checks.range("services.otp.max_attempts", or(o.maxAttempts(), d.maxAttempts()), 1, 20);
        return new OtpSettings(Duration.ofSeconds(valid), Duration.ofSeconds(resend), sends, Duration.ofMinutes(window), attempts);
    }

    ServiceSettings services(GatewayFile.Services given) throws ConfigException {
        GatewayFile.Services s = given == null ? new GatewayFile.Services(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null) : given;
        String sender = or(s.sender(), "7070");
        if (!sender.matches("[0-9]{3,15}")) {
            throw checks.error("services.sender", "'" + sender + "' must be 3 to 15 digits");
        }
        GatewayFile.TopUp t = s.topup() == null ? new GatewayFile.TopUp(null, null) : s.topup();
        List<Long> amounts = new ArrayList<>();
        List<String> written = t.amounts() == null ? List.of("5", "10", "20") : t.amounts();
        for (int i = 0; i < written.size(); i++) {
            long cents = checks.euros("services.topup.amounts[" + i + "]", written.get(i));
            if (cents <= 0) {
                throw checks.error("services.topup.amounts[" + i + "]", "must be more than 0");
            }
            amounts.add(cents);
        }
        if (amounts.isEmpty()) {
            throw checks.error("services.topup.amounts", "at least one amount is needed");
        }
        long dailyLimit = checks.euros("services.topup.daily_limit", or(t.dailyLimit(), "100"));
        if (dailyLimit < amounts.stream().mapToLong(Long::longValue).min().orElse(0)) {
            throw checks.error("services.topup.daily_limit", "is below the smallest amount, so no top-up could ever be made");
        }
        GatewayFile.Callback c = s.callback() == null ? new GatewayFile.Callback(null) : s.callback();
        int callbacks = checks.range("services.callback.daily_limit", or(c.dailyLimit(), 10), 0, 1000);
        GatewayFile.CollectCall cc = s.collectCall() == null ? new GatewayFile.CollectCall(null, null) : s.collectCall();
        long price = checks.euros("services.collect_call.price_per_ten_minutes", or(cc.pricePerTenMinutes(), "0.30"));
        if (price < 0) {
            throw checks.error("services.collect_call.price_per_ten_minutes", "cannot be negative");
        }
        String notify = or(cc.callerNotice(), "sms");
        if (!notify.equals("sms") && !notify.equals("ussd")) {
            throw checks.error("services.collect_call.caller_notice", "'" + notify + "' must be sms or ussd");
        }
        GatewayFile.Barring b = s.barring() == null ? new GatewayFile.Barring(null, null) : s.barring();
        String pin = or(b.defaultPin(), "0000");
        if (!pin.matches("[0-9]{4}")) {
            throw checks.error("services.barring.default_pin", "must be 4 digits (write it in quotes, as \"0000\")");
        }
        int wrong = checks.range("services.barring.max_wrong_pins", or(b.maxWrongPins(), 3), 1, 10);
        GatewayFile.Forwarding f = s.forwarding() == null ? new GatewayFile.Forwarding(null) : s.forwarding();
        int ring = checks.range("services.forwarding.default_ring_seconds", or(f.defaultRingSeconds(), 25),
                ServiceSettings.MIN_RING_SECONDS, ServiceSettings.MAX_RING_SECONDS);
        return new ServiceSettings(sender, amounts, dailyLimit, callbacks, price, notify.equals("ussd"), pin, wrong, ring);
    }

    OutboxSettings outbox(GatewayFile.Outbox given, Set<String> accounts) throws ConfigException {
        GatewayFile.Outbox o = given == null ? new GatewayFile.Outbox(null, null, null, null, null, null) : given;
        int window = checks.range("outbox.window", or(o.window(), 10), 1, 10_000);
        int timeout = checks.range("outbox.response_timeout_seconds", or(o.responseTimeoutSeconds(), 10), 1, 600);
        int min = checks.range("outbox.retry_min_seconds", or(o.retryMinSeconds(), 1), 1, 3600);
        int max = checks.range("outbox.retry_max_seconds", or(o.retryMaxSeconds(), 300), min, 86_400);
        return new OutboxSettings(window, Duration.ofSeconds(timeout), Duration.ofSeconds(min), Duration.ofSeconds(max),
                account("outbox.sms_account", or(o.smsAccount(), ""), accounts),
                account("outbox.ussd_account", or(o.ussdAccount(), ""), accounts));
    }

    private String account(String path, String account, Set<String> accounts) throws ConfigException {
        if (!account.isEmpty() && !accounts.contains(account)) {
            throw checks.error(path, "'" + account + "' is not one of smpp.accounts " + accounts);
        }
        return account;
    }
}
