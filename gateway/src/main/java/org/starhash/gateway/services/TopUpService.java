package org.starhash.gateway.services;

import org.starhash.billing.ChargeEvent;
import org.starhash.gateway.config.ServiceSettings;
import org.starhash.gateway.config.TextKey;
import org.starhash.gateway.config.Texts;
import org.starhash.gateway.store.DailyUse;
import org.starhash.gateway.store.Flag;
import org.starhash.gateway.store.Flags;
import org.starhash.gateway.store.Lookup;
import org.starhash.gateway.store.Put;
import org.starhash.gateway.store.Subscriber;
import org.starhash.gateway.store.SubscriberKind;
import org.starhash.gateway.values.Money;
import org.starhash.gateway.values.Numbering;
import org.starhash.gateway.values.OutboxMessage;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Polni zame (SERVICES.md §1, seed 002): a postpaid subscriber tops up a prepaid user's balance with one of the
 * configured amounts, on the sender's bill. {@code *123*AMOUNT*MSISDN#} or {@code POLNI AMOUNT MSISDN [TEXT]}.
 */
public final class TopUpService implements Service {

    private final Texts texts;
    private final Numbering numbering;
    private final ServiceSettings settings;

    public TopUpService(Texts texts, Numbering numbering, ServiceSettings settings) {
        this.texts = texts;
        this.numbering = numbering;
        this.settings = settings;
    }

    @Override
    public String name() {
        return "topup";
    }

    @Override
    public boolean inMenus() {
        return false;
    }

    @Override
    public Decision decide(Invocation call, Subscriber sender, Lookup state) {
        String amounts = settings.topupAmountsCents().stream().map(c -> Long.toString(c / 100))
                .collect(Collectors.joining(", "));
        if (call.args().size() < 2 || call.ussd() && call.args().size() > 2) {
            return say(call.ussd() ? TextKey.TOPUP_USAGE_USSD : TextKey.TOPUP_USAGE_SMS, Map.of("amounts", amounts));
        }
        if (sender.kind() != SubscriberKind.POSTPAID) {
            return say(TextKey.TOPUP_SENDER_PREPAID, Map.of());
        }
        if (Flags.of(state, sender).has(Flag.BAR_TOPUP)) {
            return say(TextKey.TOPUP_BARRED, Map.of());
        }
        long cents;
        try {
            cents = Money.parseCents(call.args().get(0));
        } catch (IllegalArgumentException | ArithmeticException e) {
            cents = -1;
        }
        if (!settings.topupAmountsCents().contains(cents)) {
            return say(TextKey.TOPUP_BAD_AMOUNT, Map.of("amounts", amounts));
        }
        Counterpart found = Counterpart.find(call.args().get(1), call, state, numbering, texts);
        if (found.subscriber().isEmpty()) {
            return Decision.answer(found.refusal());
        }
        Subscriber recipient = found.subscriber().get();
        String number = numbering.national(recipient.msisdn());
        if (recipient.kind() != SubscriberKind.PREPAID) {
            return say(TextKey.TOPUP_RECIPIENT_POSTPAID, Map.of("number", number));
        }
        DailyUse today = DailyUse.of(state, sender.msisdn(), call.day());
        if (today.topupCents() + cents > settings.topupDailyLimitCents()) {
            return say(TextKey.TOPUP_DAILY_LIMIT, Map.of("limit", Money.format(settings.topupDailyLimitCents()),
                    "left", Money.format(Math.max(0, settings.topupDailyLimitCents() - today.topupCents()))));
        }
        Subscriber credited = recipient.withBalanceCents(recipient.balanceCents() + cents);
        String amount = Money.format(cents);
        String from = numbering.national(sender.msisdn());
        String words = String.join(" ", call.args().subList(2, call.args().size()));
        String notice = words.isEmpty()
                ? texts.render(TextKey.TOPUP_RECEIVED, Map.of("amount", amount, "from", from,
                        "balance", Money.format(credited.balanceCents())))
                : texts.render(TextKey.TOPUP_RECEIVED_TEXT, Map.of("amount", amount, "from", from,
                        "balance", Money.format(credited.balanceCents()), "text", words));
        return new Decision(texts.render(TextKey.TOPUP_DONE, Map.of("amount", amount, "number", number)),
                List.of(Put.of(credited), Put.of(sender.plusExtraSpend(call.month(), cents)),
                        new Put<>(DailyUse.TABLE, sender.msisdn(), today.plusTopup(cents))),
                List.of(new ChargeEvent(call.id("topup", 0), call.now(), sender.msisdn(), "topup:" + recipient.msisdn(),
                        1, cents, false)),
                List.of(OutboxMessage.sms(call.id("sms", 0), settings.sender(), recipient.msisdn(), notice, call.now())),
                List.of());
    }

    private Decision say(TextKey key, Map<String, String> values) {
        return Decision.answer(texts.render(key, values));
    }
}
