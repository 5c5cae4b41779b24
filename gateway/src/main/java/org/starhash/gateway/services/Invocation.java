package org.starhash.gateway.services;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A call of a service by a subscriber.
 *
 * @param requestId unique id of the request, also the id of its charge events
 * @param msisdn    the caller, normalized
 * @param to        the short number or USSD service address called
 * @param code      the USSD service code dialled ({@code 21} of {@code **21*041234567#}), empty for an SMS
 * @param procedure what the dialled string starts with: {@code *}, {@code #}, {@code *#}, {@code **} or
 *                  {@code ##} (3GPP TS 22.030: activate, deactivate, interrogate, register, erase); empty for an SMS
 * @param keyword   the keyword an SMS matched, upper-case without diacritics; empty for USSD and for a text that
 *                  matched none
 * @param args      what followed the keyword or the service code
 * @param params    the parameters a menu action gives, empty otherwise
 * @param now       when the request arrived
 * @param day       the operator's day of {@code now}, for daily caps
 * @param month     the billing period of {@code now}
 */
public record Invocation(String requestId, String msisdn, String to, String code, String procedure, String keyword,
                         List<String> args, Map<String, String> params, Instant now, LocalDate day, YearMonth month) {

    public Invocation {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(msisdn, "msisdn");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(procedure, "procedure");
        Objects.requireNonNull(keyword, "keyword");
        args = List.copyOf(args);
        params = Map.copyOf(params);
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(month, "month");
    }

    /** Whether the request came as a dialled USSD string. */
    public boolean ussd() {
        return !code.isEmpty();
    }

    /** The same call with the parameters and arguments a menu action or an answered question gives. */
    public Invocation with(List<String> newArgs, Map<String, String> newParams) {
        return new Invocation(requestId, msisdn, to, code, procedure, keyword, newArgs, newParams, now, day, month);
    }

    /** A sub-id for the n-th message or event this call causes, unique as the request id is. */
    public String id(String what, int n) {
        return requestId + "-" + what + n;
    }
}
