package org.starhash.gateway.services;

import org.starhash.billing.ChargeEvent;
import org.starhash.gateway.config.TextKey;
import org.starhash.gateway.config.Texts;
import org.starhash.gateway.store.Lookup;
import org.starhash.gateway.store.Put;
import org.starhash.gateway.store.Subscriber;
import org.starhash.gateway.store.Subscribers;
import org.starhash.gateway.values.Money;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
        Staged paid = new Staged(state);
        paid.put(Subscribers.TABLE, payer.msisdn(), payer); // the service sees the balance after the MO
        Decision decision = service.decide(call, payer, paid);
        List<Put<?>> updates = new ArrayList<>(paid.puts());
        updates.addAll(decision.updates());
        List<ChargeEvent> charges = new ArrayList<>(decision.charges());
        charges.add(new ChargeEvent(call.requestId(), call.now(), call.msisdn(), chargeService, charge.segments(),
                charge.amountCents(), false));
        return new Decision(decision.text(), updates, charges, decision.messages(), decision.questions());
    }
}
