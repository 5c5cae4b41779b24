package org.starhash.gateway.services;

import org.starhash.billing.ChargeEvent;
import org.starhash.gateway.config.TextKey;
import org.starhash.gateway.config.Texts;
import org.starhash.gateway.store.Lookup;
import org.starhash.gateway.store.Put;
import org.starhash.gateway.store.Subscriber;
import org.starhash.gateway.store.Subscribers;
import org.starhash.gateway.store.Table;
import org.starhash.gateway.values.Money;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A service called by an MO SMS to a paying short number (SERVICES.md §3): the MO is paid first, so what the
 * service decides sees the balance after it; a prepaid sender it does not cover gets the price and nothing else.
 *
 * @param service       the service the keyword calls
 * @param chargeService the name the MO's charge event bears
 * @param priceCents    the price of one segment beyond the package
 */
public record PaidMo(Service service, String chargeService, long priceCents) {

    /** Decides for an MO of {@code segments} segments; the MO's charge comes after the service's own. */
    public Decision decide(Invocation call, int segments, Subscriber caller, Lookup state, Texts texts) {
        MoCharge charge = MoCharge.of(caller, segments, priceCents, call.month());
        if (!charge.covered()) {
            return Decision.answer(texts.render(TextKey.SMS_NO_BALANCE, Map.of("price", Money.format(charge.amountCents()))));
        }
        Subscriber payer = charge.payer();
        Decision decision = service.decide(call, payer, paidBy(payer, state));
        List<Put<?>> updates = new ArrayList<>();
        updates.add(Put.of(payer));
        updates.addAll(decision.updates());
        List<ChargeEvent> charges = new ArrayList<>(decision.charges());
        charges.add(new ChargeEvent(call.requestId(), call.now(), call.msisdn(), chargeService, charge.segments(),
                charge.amountCents(), false));
        return new Decision(decision.text(), updates, charges, decision.messages(), decision.questions());
    }

    /** The state as the service sees it: the sender has paid already. */
    private static Lookup paidBy(Subscriber payer, Lookup state) {
        return new Lookup() {
            @Override
            @SuppressWarnings("unchecked")
            public <V> Optional<V> get(Table<V> table, String key) {
                if (table.name().equals(Subscribers.TABLE.name()) && key.equals(payer.msisdn())) {
                    return Optional.of((V) payer);
                }
                return state.get(table, key);
            }
        };
    }
}
