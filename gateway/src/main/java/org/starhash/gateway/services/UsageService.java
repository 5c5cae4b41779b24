package org.starhash.gateway.services;

import org.starhash.gateway.config.KeywordSettings;
import org.starhash.gateway.config.TextKey;
import org.starhash.gateway.config.Texts;
import org.starhash.gateway.store.Flag;
import org.starhash.gateway.store.Flags;
import org.starhash.gateway.store.Lookup;
import org.starhash.gateway.store.RoamingRaises;
import org.starhash.gateway.store.SpendAlerts;
import org.starhash.gateway.store.Subscriber;
import org.starhash.gateway.store.SubscriberKind;
import org.starhash.gateway.store.Subscribers;
import org.starhash.gateway.store.Units;
import org.starhash.gateway.store.Usage;
import org.starhash.gateway.store.UsageIds;
import org.starhash.gateway.values.Money;
import org.starhash.gateway.values.OutboxMessage;
import org.starhash.gateway.values.UsageEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Counts usage events against the package and the limits of a month (SERVICES.md §3, seed 002 "Nadzor porabe"):
 * the roaming data limit (61 EUR in EU countries, 100 EUR outside, raised by GPRS TUJINA), the 090 limit of
 * postpaid subscribers, extra spend and package units. A limit reached bars what it limits for the rest of the
 * month, which follows from the counters ({@link Usage}); its SMS goes once. A batch is decided as a whole, each
 * event seeing those before it; an event that cannot be counted at all makes the whole batch refused.
 */
public final class UsageService {

    private final Texts texts;
    private final KeywordSettings.Roaming roaming;
    private final KeywordSettings.Premium premium;
    private final String sender;
    private final ZoneId zone;
    private final int keepIdsDays;

    public UsageService(Texts texts, KeywordSettings settings, String sender, ZoneId zone) {
        this.texts = texts;
        this.roaming = settings.roaming();
        this.premium = settings.premium();
        this.keepIdsDays = settings.keepUsageIdsDays();
        this.sender = sender;
        this.zone = zone;
    }

    /**
     * What became of one event.
     *
     * @param result  {@code counted}, {@code duplicate} or {@code refused}
     * @param reason  why it was refused, empty otherwise
     * @param actions what it caused: {@code roaming_barred}, {@code premium_barred}, {@code spend_alert}
     */
    public record Result(String id, String result, String reason, List<String> actions) {
        public Result {
            actions = List.copyOf(actions);
        }
    }

    /**
     * The decision about a batch: one result per event, or the first event that could not be counted at all.
     *
     * @param results  per event, in order; empty when refused
     * @param decision what to store and send
     * @param refusal  "events[3]: ..." when the batch is refused as a whole
     */
    public record Decided(List<Result> results, Decision decision, Optional<String> refusal) {
        static Decided refused(String why) {
            return new Decided(List.of(), Decision.answer(""), Optional.of(why));
        }
    }

    /** Decides a batch of events; {@code call} gives the ids of the SMS and the day the ids are kept under. */
    public Decided decide(List<UsageEvent> events, Invocation call, Lookup state) {
        Staged staged = new Staged(state);
        List<Result> results = new ArrayList<>();
        List<OutboxMessage> messages = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            UsageEvent event = events.get(i);
            Optional<Subscriber> subscriber = staged.subscriber(event.msisdn());
            if (subscriber.isEmpty()) {
                return Decided.refused("events[" + i + "].msisdn: " + event.msisdn() + " is not a subscriber of the network");
            }
            if (staged.get(UsageIds.TABLE, event.id()).isPresent()) {
                results.add(new Result(event.id(), "duplicate", "", List.of()));
                continue;
            }
            YearMonth month = YearMonth.from(event.at().atZone(zone));
            Optional<String> late = late(staged, subscriber.get(), month);
            Result result = late.isPresent() ? new Result(event.id(), "refused", late.get(), List.of())
                    : count(event, subscriber.get(), month, staged, call, messages);
            staged.put(UsageIds.TABLE, event.id(), LocalDate.ofInstant(call.now(), zone));
            results.add(result);
        }
        return new Decided(results, new Decision("", staged.puts(), List.of(), messages, List.of()), Optional.empty());
    }

    /** Why an event of an older month than the subscriber's counters can no longer count, if it is one. */
    private static Optional<String> late(Lookup state, Subscriber s, YearMonth month) {
        Optional<YearMonth> counted = Usage.storedMonth(state, s.msisdn());
        YearMonth newest = counted.isPresent() && counted.get().isAfter(s.period()) ? counted.get() : s.period();
        return month.isBefore(newest)
                ? Optional.of("the billing month " + month + " is closed: counters are at " + newest)
                : Optional.empty();
    }

    private Result count(UsageEvent event, Subscriber s, YearMonth month, Staged staged, Invocation call,
                         List<OutboxMessage> messages) {
        List<String> actions = new ArrayList<>();
        if (event instanceof UsageEvent.DataRoaming d) {
            Usage before = Usage.of(staged, s.msisdn(), month);
            boolean raised = RoamingRaises.raisedIn(staged, s.msisdn(), month);
            Usage after = d.eu() ? before.plusEu(d.cents()) : before.plusNonEu(d.cents(), mbPast(before, d));
            int limit = roamingReached(after, raised, d.eu());
            if (limit != 0 && !after.told(limit)) {
                after = after.tell(limit);
                actions.add("roaming_barred");
                messages.add(OutboxMessage.sms(call.id("usage-" + event.id(), messages.size()), sender, s.msisdn(),
                        roamingText(d.eu(), raised, month), call.now()));
            }
            staged.put(Usage.TABLE, s.msisdn(), after);
        } else if (event instanceof UsageEvent.Premium p) {
            if (p.roaming().isPresent()) {
                return new Result(event.id(), "refused", "090 calls are not possible in national roaming or abroad ("
                        + p.roaming().get() + ")", List.of());
            }
            if (Flags.of(staged, s).has(Flag.BAR_PREMIUM)) {
                return new Result(event.id(), "refused", "the subscriber barred 090 numbers (bar_premium)", List.of());
            }
            Usage after = Usage.of(staged, s.msisdn(), month).plusPremium(p.cents());
            if (s.kind() == SubscriberKind.POSTPAID && after.premiumCents() >= premium.monthlyLimitCents()
                    && !after.told(Usage.PREMIUM)) {
                after = after.tell(Usage.PREMIUM);
                actions.add("premium_barred");
                messages.add(OutboxMessage.sms(call.id("usage-" + event.id(), messages.size()), sender, s.msisdn(),
                        texts.render(TextKey.PREMIUM_LIMIT_REACHED, Map.of("limit",
                                Money.format(premium.monthlyLimitCents()), "month", Months.shown(month))), call.now()));
            }
            staged.put(Usage.TABLE, s.msisdn(), after);
        } else if (event instanceof UsageEvent.ExtraSpend e) {
            if (s.kind() == SubscriberKind.POSTPAID) {
                Subscriber after = s.plusExtraSpend(month, e.cents());
                staged.put(Subscribers.TABLE, s.msisdn(), after);
                Optional<Long> threshold = staged.get(SpendAlerts.TABLE, s.msisdn());
                Usage usage = Usage.of(staged, s.msisdn(), month);
                if (threshold.isPresent() && after.extraSpendCents(month) >= threshold.get()
                        && usage.spendTold() < threshold.get()) {
                    staged.put(Usage.TABLE, s.msisdn(), usage.toldSpend(threshold.get()));
                    actions.add("spend_alert");
                    messages.add(OutboxMessage.sms(call.id("usage-" + event.id(), messages.size()), sender, s.msisdn(),
                            texts.render(TextKey.SPEND_ALERT, Map.of("amount", Money.format(after.extraSpendCents(month)),
                                    "threshold", Money.format(threshold.get()), "month", Months.shown(month))), call.now()));
                }
            } else if (s.balanceCents() >= e.cents()) {
                staged.put(Subscribers.TABLE, s.msisdn(), s.withBalanceCents(s.balanceCents() - e.cents()));
            } else {
                return new Result(event.id(), "refused", "the balance (" + Money.format(s.balanceCents())
                        + " EUR) does not cover " + Money.format(e.cents()) + " EUR", List.of());
            }
        } else {
            UsageEvent.PackageUse u = (UsageEvent.PackageUse) event;
            staged.put(Subscribers.TABLE, s.msisdn(), s.plusUsed(month, new Units(u.minutes(), u.sms(), u.mb())));
        }
        return new Result(event.id(), "counted", "", actions);
    }

    /**
     * Outside the EU, the MB of an event that lie past the money limit: all of them once it is reached, the share
     * past it (in proportion to the amount, rounded down) for the event that reaches it.
     */
    private long mbPast(Usage before, UsageEvent.DataRoaming d) {
        long limit = roaming.nonEuLimitCents();
        if (before.nonEuCents() >= limit) {
            return d.mb();
        }
        long past = before.nonEuCents() + d.cents() - limit;
        return past <= 0 || d.cents() == 0 ? 0 : d.mb() * past / d.cents();
    }

    /** The roaming limit the usage has reached in the event's zone ({@link Usage#EU}, ...), 0 for none. */
    private int roamingReached(Usage u, boolean raised, boolean eu) {
        if (eu) {
            if (u.euCents() < roaming.euLimitCents()) {
                return 0;
            }
            return !raised ? Usage.EU : u.euCents() >= roaming.euLimitCents() + roaming.euRaiseCents() ? Usage.EU_RAISED : 0;
        }
        if (u.nonEuCents() < roaming.nonEuLimitCents()) {
            return 0;
        }
        return !raised ? Usage.NON_EU : u.nonEuMbPast() >= roaming.nonEuRaiseMb() ? Usage.NON_EU_RAISED : 0;
    }

    /**
     * Whether data roaming in a zone is barred by its limit this month: reached, and not lifted by GPRS TUJINA
     * (a raised limit that is not reached yet).
     */
    public boolean roamingBarred(Lookup state, String msisdn, YearMonth month, boolean eu) {
        return roamingReached(Usage.of(state, msisdn, month), RoamingRaises.raisedIn(state, msisdn, month), eu) != 0;
    }

    /**
     * Which remembered usage ids may be forgotten at {@code now}: those counted more than
     * {@code services.usage.keep_ids_days} days before today, in the operator's zone.
     */
    public Predicate<LocalDate> idExpired(Instant now) {
        LocalDate oldestKept = LocalDate.ofInstant(now, zone).minusDays(keepIdsDays);
        return counted -> counted.isBefore(oldestKept);
    }

    /** Whether 090 calls are barred by the monthly limit (postpaid only). */
    public boolean premiumBarred(Lookup state, Subscriber s, YearMonth month) {
        return s.kind() == SubscriberKind.POSTPAID
                && Usage.of(state, s.msisdn(), month).premiumCents() >= premium.monthlyLimitCents();
    }

    private String roamingText(boolean eu, boolean raised, YearMonth month) {
        String shown = Months.shown(month);
        if (eu) {
            return texts.render(TextKey.ROAMING_LIMIT_REACHED, Map.of("limit",
                    Money.format(roaming.euLimitCents() + (raised ? roaming.euRaiseCents() : 0)), "month", shown));
        }
        return texts.render(TextKey.ROAMING_LIMIT_REACHED_NON_EU, Map.of("limit", Money.format(roaming.nonEuLimitCents()),
                "month", shown, "non_eu_mb", Long.toString(roaming.nonEuRaiseMb())));
    }
}
