package org.starhash.gateway.services;

import org.starhash.gateway.config.TextKey;
import org.starhash.gateway.config.Texts;
import org.starhash.gateway.store.Account;
import org.starhash.gateway.store.Lookup;
import org.starhash.gateway.store.Put;
import org.starhash.gateway.store.Subscriber;
import org.starhash.gateway.values.Money;
import org.starhash.gateway.values.OutboxMessage;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * Moj račun (seed 004): what billing reports of an account (the overdue amount, a cut for non-payment, a
 * payment), and what the subscriber may do about it by USSD: hear the overdue amount, and switch services cut for
 * non-payment back on at once, once a cut, for five days counting that day; unpaid by then, they are cut again and
 * an SMS says so.
 */
public final class AccountService {

    /** How a day is shown to a subscriber. */
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d. M. yyyy");

    private final Texts texts;
    private final String sender;

    public AccountService(Texts texts, String sender) {
        this.texts = texts;
        this.sender = sender;
    }

    /** Billing reports the overdue amount now; nothing overdue lifts a cut. */
    public Decision debt(Subscriber s, long overdueCents, Lookup state) {
        return put(s, Account.of(state, s.msisdn()).withOverdue(overdueCents), "updated");
    }

    /** Billing cut the subscriber's services for non-payment. */
    public Decision suspend(Subscriber s, Lookup state) {
        Account a = Account.of(state, s.msisdn());
        if (a.suspended() && a.reactivatedOn().isEmpty()) {
            return Decision.answer("already");
        }
        return put(s, a.suspendedNow(), "suspended");
    }

    /** A payment lowers the overdue amount; paid in full, the cut is lifted for good. */
    public Decision payment(Subscriber s, long cents, Lookup state) {
        Account a = Account.of(state, s.msisdn());
        long left = Math.max(0, a.overdueCents() - cents);
        return put(s, a.withOverdue(left), left == 0 ? "paid_in_full" : "updated");
    }

    /** The SMS once the five days of a reactivation ended unpaid: services are cut again. */
    public Decision cutAgain(Invocation call, Subscriber s, Lookup state) {
        Account a = Account.of(state, s.msisdn());
        if (!a.suspended() || a.reactivatedOn().isEmpty() || a.cutAgainTold() || !a.cutOn(call.day())) {
            return Decision.answer("none");
        }
        String text = texts.render(TextKey.ACCOUNT_CUT_AGAIN, Map.of("amount", Money.format(a.overdueCents())));
        return new Decision("told", List.of(new Put<>(Account.TABLE, s.msisdn(), a.toldCutAgain())), List.of(),
                List.of(OutboxMessage.sms(call.id("account", 0), sender, s.msisdn(), text, call.now())), List.of());
    }

    /** {@code *126#} 1: the overdue amount. */
    Decision overdue(Subscriber s, Lookup state) {
        Account a = Account.of(state, s.msisdn());
        return Decision.answer(a.overdueCents() == 0 ? texts.render(TextKey.ACCOUNT_NO_DEBT, Map.of())
                : texts.render(TextKey.ACCOUNT_OVERDUE, Map.of("amount", Money.format(a.overdueCents()))));
    }

    /** {@code *126#} 2: services cut for non-payment back on at once, once a cut. */
    Decision reactivate(Invocation call, Subscriber s, Lookup state) {
        Account a = Account.of(state, s.msisdn());
        if (!a.suspended()) {
            return Decision.answer(texts.render(TextKey.ACCOUNT_NOT_CUT, Map.of()));
        }
        if (a.reactivatedOn().isPresent()) {
            return Decision.answer(texts.render(TextKey.ACCOUNT_ALREADY_REACTIVATED,
                    Map.of("until", a.reactivatedUntil().orElseThrow().format(DAY))));
        }
        Account on = a.reactivated(call.day());
        String text = texts.render(TextKey.ACCOUNT_REACTIVATED, Map.of("amount", Money.format(a.overdueCents()),
                "until", on.reactivatedUntil().orElseThrow().format(DAY), "days", Integer.toString(Account.REACTIVATION_DAYS)));
        return new Decision(text, List.of(new Put<>(Account.TABLE, s.msisdn(), on)), List.of());
    }

    private static Decision put(Subscriber s, Account a, String result) {
        Put<Account> put = a.equals(Account.CLEAR) ? Put.removal(Account.TABLE, s.msisdn()) : new Put<>(Account.TABLE, s.msisdn(), a);
        return new Decision(result, List.of(put), List.of());
    }

    /** The two menu actions of {@code *126#}: {@code account_overdue} and {@code account_reactivate}. */
    public List<Service> menuActions() {
        return List.of(new Action("account_overdue", false), new Action("account_reactivate", true));
    }

    private final class Action implements Service {
        private final String name;
        private final boolean reactivates;

        Action(String name, boolean reactivates) {
            this.name = name;
            this.reactivates = reactivates;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Decision decide(Invocation call, Subscriber caller, Lookup state) {
            return reactivates ? reactivate(call, caller, state) : overdue(caller, state);
        }
    }
}
