package org.starhash.gateway.services;

import org.starhash.gateway.config.TextKey;
import org.starhash.gateway.config.Texts;
import org.starhash.gateway.store.Customer;
import org.starhash.gateway.store.Lookup;
import org.starhash.gateway.store.Subscriber;
import org.starhash.gateway.values.TaxNumber;

import java.util.Map;
import java.util.Optional;

/**
 * SPP TAXNUMBER to 1919 (SERVICES.md §2, seed 001): the SPP code of the customer behind the sending number, only
 * when the tax number is the one on record for that number. The record is found by the sender's MSISDN, never by
 * the tax number, so a code is never told to another subscriber; a wrong tax number and a number without a record
 * get the same answer.
 */
public final class SppService implements Service {

    private final Texts texts;

    public SppService(Texts texts) {
        this.texts = texts;
    }

    @Override
    public String name() {
        return "spp";
    }

    @Override
    public boolean inMenus() {
        return false;
    }

    @Override
    public Decision decide(Invocation call, Subscriber caller, Lookup state) {
        if (call.args().size() != 1) {
            return say(TextKey.SPP_USAGE, Map.of());
        }
        String written = call.args().get(0);
        TaxNumber.Check check = TaxNumber.check(written);
        if (check == TaxNumber.Check.FORMAT) {
            return say(TextKey.SPP_FORMAT, Map.of("number", Shown.typed(written)));
        }
        if (check == TaxNumber.Check.CHECK_DIGIT) {
            return say(TextKey.SPP_CHECK_DIGIT, Map.of("number", written));
        }
        Optional<Customer> customer = state.get(Customer.TABLE, caller.msisdn());
        if (customer.isEmpty() || !customer.get().taxNumber().equals(written)) {
            return say(TextKey.SPP_NOT_ON_RECORD, Map.of());
        }
        return say(TextKey.SPP_CODE, Map.of("code", customer.get().sppCode()));
    }

    private Decision say(TextKey key, Map<String, String> values) {
        return Decision.answer(texts.render(key, values));
    }
}
