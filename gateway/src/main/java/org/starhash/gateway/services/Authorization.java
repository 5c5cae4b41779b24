package org.starhash.gateway.services;

import org.starhash.gateway.store.Account;
import org.starhash.gateway.store.Flag;
import org.starhash.gateway.store.FlagSet;
import org.starhash.gateway.store.Flags;
import org.starhash.gateway.store.Lookup;
import org.starhash.gateway.store.Subscriber;
import org.starhash.gateway.values.AuthorizeQuery;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one question of the network (SERVICES.md §3 and §4): may a subscriber do this now? The barrings they set
 * and the limits of the month answer it together; the first that forbids it is the reason, named as the setting
 * ({@code bar_premium}, ...) or the limit ({@code roaming_limit}, {@code premium_limit}).
 */
public final class Authorization {

    private final UsageService usage;

    public Authorization(UsageService usage) {
        this.usage = usage;
    }

    /** Empty when allowed, else the reason. */
    public Optional<String> refusal(AuthorizeQuery q, Subscriber s, Lookup state, LocalDate day, YearMonth month) {
        if (!q.service().equals("incoming_call") && Account.of(state, s.msisdn()).cutOn(day)) {
            return Optional.of("suspended"); // cut for non-payment (Moj račun): only calls in still come
        }
        FlagSet flags = Flags.of(state, s);
        boolean roaming = q.roaming().isPresent();
        List<Flag> bars = new ArrayList<>();
        switch (q.service()) {
            case "data_roaming" -> bars.addAll(List.of(Flag.BAR_DATA, Flag.BAR_ROAMING, Flag.BAR_DATA_ABROAD));
            case "data_national_roaming" -> bars.addAll(List.of(Flag.BAR_DATA, Flag.BAR_DATA_NATIONAL_ROAMING));
            case "data" -> bars.add(Flag.BAR_DATA);
            case "premium" -> {
                if (roaming) {
                    return Optional.of("premium_roaming");
                }
                bars.add(Flag.BAR_PREMIUM);
            }
            case "outgoing_call" -> bars.add(Flag.BAR_OUTGOING);
            case "international_call" -> {
                bars.addAll(List.of(Flag.BAR_OUTGOING, Flag.BAR_INTERNATIONAL));
                if (!roaming) {
                    // At home every international call leaves the home country.
                    bars.add(Flag.BAR_INTERNATIONAL_EXCEPT_HOME);
                }
            }
            case "incoming_call" -> {
                bars.add(Flag.BAR_INCOMING);
                if (q.roaming().filter("abroad"::equals).isPresent()) {
                    bars.addAll(List.of(Flag.BAR_ROAMING, Flag.BAR_INCOMING_ROAMING));
                }
            }
            case "roaming" -> bars.add(Flag.BAR_ROAMING);
            default -> bars.add(Flag.BAR_COMMERCIAL);
        }
        for (Flag bar : bars) {
            if (flags.has(bar)) {
                return Optional.of(bar.key());
            }
        }
        if (q.service().equals("data_roaming") && usage.roamingBarred(state, s.msisdn(), month, q.zone().orElse("eu").equals("eu"))) {
            return Optional.of("roaming_limit");
        }
        if (q.service().equals("premium") && usage.premiumBarred(state, s, month)) {
            return Optional.of("premium_limit");
        }
        return Optional.empty();
    }
}
