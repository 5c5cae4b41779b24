package org.starhash.gateway.services;

import org.starhash.gateway.config.TextKey;
import org.starhash.gateway.config.Texts;
import org.starhash.gateway.store.Lookup;
import org.starhash.gateway.store.Subscriber;
import org.starhash.gateway.values.Numbering;

import java.util.Map;
import java.util.Optional;

/**
 * The other subscriber a service names by a typed number (top-up recipient, call-me-back target, collect-call
 * callee), or the text that says why there is none: not a number, the caller's own, not of this network.
 *
 * @param subscriber the subscriber, when found
 * @param refusal    the text for the caller, when not
 */
record Counterpart(Optional<Subscriber> subscriber, String refusal) {

    static Counterpart find(String typed, Invocation call, Lookup state, Numbering numbering, Texts texts) {
        Optional<String> msisdn = numbering.normalize(typed);
        if (msisdn.isEmpty()) {
            return refused(texts.render(TextKey.NUMBER_INVALID, Map.of("number", Shown.typed(typed))));
        }
        if (msisdn.get().equals(call.msisdn())) {
            return refused(texts.render(TextKey.NUMBER_OWN, Map.of()));
        }
        Optional<Subscriber> found = numbering.isDomestic(msisdn.get()) ? state.subscriber(msisdn.get()) : Optional.empty();
        if (found.isEmpty()) {
            return refused(texts.render(TextKey.NUMBER_NOT_IN_NETWORK, Map.of("number", numbering.national(msisdn.get()))));
        }
        return new Counterpart(found, "");
    }

    private static Counterpart refused(String text) {
        return new Counterpart(Optional.empty(), text);
    }
}
