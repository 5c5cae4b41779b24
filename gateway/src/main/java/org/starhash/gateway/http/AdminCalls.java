package org.starhash.gateway.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.starhash.gateway.engine.NetworkEvents;
import org.starhash.gateway.values.AuthorizeQuery;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

import static org.starhash.gateway.http.AdminFields.euros;
import static org.starhash.gateway.http.AdminFields.oneOf;
import static org.starhash.gateway.http.AdminFields.only;
import static org.starhash.gateway.http.AdminFields.text;

/**
 * What each admin resource asks of the network events, read from its JSON body: the fields are checked here, the
 * HTTP around them (token, method, status, answer) is {@link AdminHttpHandler}'s.
 */
final class AdminCalls {

    private static final List<String> ZONES = List.of("eu", "non_eu");

    private final NetworkEvents events;
    private final AdminFields fields;

    AdminCalls(NetworkEvents events) {
        this.events = events;
        this.fields = new AdminFields(events.numbering());
    }

    /** The call of an event resource (every path but usage, authorize and the one-time codes). */
    CompletableFuture<NetworkEvents.Result> event(String path, JsonNode body) throws AdminFields.Bad {
        switch (path) {
            case AdminHttpHandler.MISSED_CALL -> {
                String callee = fields.msisdn(body, "callee");
                boolean hidden = body.path("hidden").asBoolean(false);
                String caller = hidden ? "" : fields.msisdn(body, "caller");
                return events.missedCall(callee, caller, hidden);
            }
            case AdminHttpHandler.REACHABLE -> {
                return events.reachable(fields.msisdn(body, "msisdn"));
            }
            case AdminHttpHandler.STORM_ALERT -> {
                return events.stormAlert(text(body, "place"), text(body, "text", AdminFields.MAX_ALERT_TEXT));
            }
            case AdminHttpHandler.ROAMING -> {
                String msisdn = fields.msisdn(body, "msisdn");
                String country = text(body, "country");
                if (!country.matches("[A-Za-z]{2}")) {
                    throw new AdminFields.Bad("\"country\": '" + country + "' is not a two-letter ISO 3166 code such as HR");
                }
                String zone = oneOf(body, "zone", ZONES);
                return events.roamingRegistered(msisdn, country.toUpperCase(Locale.ROOT), zone.equals("eu"));
            }
            case AdminHttpHandler.CONTENT -> {
                return events.contentSubscription(fields.msisdn(body, "msisdn"), text(body, "provider"));
            }
            case AdminHttpHandler.DEBT -> {
                only(body, Set.of("msisdn", "overdue"), "a debt report");
                return events.accountDebt(fields.msisdn(body, "msisdn"), euros(body, "overdue"));
            }
            case AdminHttpHandler.SUSPEND -> {
                only(body, Set.of("msisdn"), "a suspension");
                return events.accountSuspended(fields.msisdn(body, "msisdn"));
            }
            case AdminHttpHandler.PAYMENT -> {
                only(body, Set.of("msisdn", "amount"), "a payment");
                String msisdn = fields.msisdn(body, "msisdn");
                long cents = euros(body, "amount");
                if (cents == 0) {
                    throw new AdminFields.Bad("\"amount\": a payment is more than 0.00");
                }
                return events.accountPayment(msisdn, cents);
            }
            case AdminHttpHandler.E_INVOICE -> {
                only(body, Set.of("msisdn", "period", "amount", "delivered_to"), "an e-invoice notice");
                String msisdn = fields.msisdn(body, "msisdn");
                YearMonth month = billingMonth(text(body, "period"));
                long cents = euros(body, "amount");
                boolean bank = oneOf(body, "delivered_to", List.of("email", "bank")).equals("bank");
                return events.eInvoiceDelivered(msisdn, month, cents, bank);
            }
            default -> {
                return events.resetBarringPin(fields.msisdn(body, "msisdn"));
            }
        }
    }

    private static YearMonth billingMonth(String period) throws AdminFields.Bad {
        try {
            if (period.matches("[0-9]{4}-[0-9]{2}")) {
                return YearMonth.parse(period);
            }
        } catch (DateTimeParseException e) {
            // refused below
        }
        throw new AdminFields.Bad("\"period\": '" + period + "' is not a billing month such as 2026-11");
    }

    /** {@code POST /admin/authorize}'s query. */
    AuthorizeQuery authorizeQuery(JsonNode body) throws AdminFields.Bad {
        String msisdn = fields.msisdn(body, "msisdn");
        String service = oneOf(body, "service", List.copyOf(new TreeSet<>(AuthorizeQuery.SERVICES)));
        Optional<String> zone = service.equals("data_roaming") ? Optional.of(oneOf(body, "zone", ZONES)) : Optional.empty();
        Optional<String> roaming = body.has("roaming")
                ? Optional.of(oneOf(body, "roaming", List.of("national", "abroad"))) : Optional.empty();
        only(body, Set.of("msisdn", "service", "zone", "roaming"), "an authorization query");
        return new AuthorizeQuery(msisdn, service, zone, roaming);
    }

    /**
     * {@code /admin/otp}, {@code /admin/otp/verify}, {@code /admin/otp/settings}. No message names a code given:
     * a refused one is described, never echoed.
     */
    CompletableFuture<NetworkEvents.Answer> otp(String path, JsonNode body) throws AdminFields.Bad {
        String msisdn = fields.msisdn(body, "msisdn");
        if (path.equals(AdminHttpHandler.OTP_SETTINGS)) {
            only(body, Set.of("msisdn", "enabled"), "a one-time code setting");
            return events.otpEnabled(msisdn, enabled(body));
        }
        String purpose = oneOf(body, "purpose", NetworkEvents.OTP_PURPOSES);
        if (path.equals(AdminHttpHandler.OTP)) {
            only(body, Set.of("msisdn", "purpose"), "a one-time code request");
            return events.requestOtp(msisdn, purpose);
        }
        only(body, Set.of("msisdn", "purpose", "code"), "a one-time code check");
        JsonNode code = body.get("code");
        if (code == null || !code.isTextual() || !code.asText().matches("[0-9]{" + NetworkEvents.OTP_DIGITS + "}")) {
            throw new AdminFields.Bad("the field \"code\" (the " + NetworkEvents.OTP_DIGITS
                    + " digits of the SMS, as a string) is required");
        }
        return events.verifyOtp(msisdn, purpose, code.asText());
    }

    /** The {@code enabled} of a one-time code setting. */
    static boolean enabled(JsonNode body) throws AdminFields.Bad {
        JsonNode given = body.get("enabled");
        if (given == null || !given.isBoolean()) {
            throw new AdminFields.Bad("the field \"enabled\" (true or false) is required");
        }
        return given.asBoolean();
    }
}
