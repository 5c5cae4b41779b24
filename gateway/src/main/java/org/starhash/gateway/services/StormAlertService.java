package org.starhash.gateway.services;

import org.starhash.gateway.config.KeywordSettings;
import org.starhash.gateway.config.TextKey;
import org.starhash.gateway.config.Texts;
import org.starhash.gateway.store.Lookup;
import org.starhash.gateway.store.Put;
import org.starhash.gateway.store.Subscriber;
import org.starhash.gateway.store.Subscriptions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * SMS Neurje (SERVICES.md §2, seed 002): {@code NEURJE PLACE} subscribes a place, {@code NEURJE PLACE STOP}
 * unsubscribes it, {@code NEURJE} lists them and {@code NEURJE STOP} ends all. Places are the configured ones,
 * compared without case and diacritics and kept in their proper spelling; at most a configured number each.
 */
public final class StormAlertService implements Service {

    private static final String STOP = "STOP";

    private final Texts texts;
    private final KeywordSettings.Storm storm;

    public StormAlertService(Texts texts, KeywordSettings.Storm storm) {
        this.texts = texts;
        this.storm = storm;
    }

    @Override
    public String name() {
        return "storm_alerts";
    }

    @Override
    public boolean inMenus() {
        return false;
    }

    @Override
    public Decision decide(Invocation call, Subscriber caller, Lookup state) {
        List<String> places = Subscriptions.of(state, Subscriptions.STORM_PLACES, caller.msisdn());
        List<String> args = call.args();
        boolean stop = !args.isEmpty() && args.get(args.size() - 1).equalsIgnoreCase(STOP);
        String written = String.join(" ", stop ? args.subList(0, args.size() - 1) : args);
        if (written.isEmpty() && places.isEmpty()) {
            return say(TextKey.STORM_NONE, Map.of());
        }
        if (written.isEmpty()) {
            Map<String, String> listed = Map.of("places", String.join(", ", places));
            return stop ? change(List.of(), caller, TextKey.STORM_ALL_OFF, listed) : say(TextKey.STORM_LIST, listed);
        }
        Optional<String> place = storm.place(written);
        if (place.isEmpty()) {
            return say(TextKey.STORM_UNKNOWN_PLACE, Map.of("place", Shown.typed(written)));
        }
        Map<String, String> named = Map.of("place", place.get());
        List<String> changed = new ArrayList<>(places);
        if (stop) {
            return changed.remove(place.get()) ? change(changed, caller, TextKey.STORM_UNSUBSCRIBED, named)
                    : say(TextKey.STORM_NOT_SUBSCRIBED, named);
        }
        if (places.contains(place.get())) {
            return say(TextKey.STORM_ALREADY, named);
        }
        if (places.size() >= storm.maxPlaces()) {
            return say(TextKey.STORM_TOO_MANY, Map.of("max", Integer.toString(storm.maxPlaces()),
                    "places", String.join(", ", places)));
        }
        changed.add(place.get());
        return change(changed, caller, TextKey.STORM_SUBSCRIBED, named);
    }

    private Decision change(List<String> places, Subscriber caller, TextKey key, Map<String, String> values) {
        return new Decision(texts.render(key, values),
                List.of(new Put<>(Subscriptions.STORM_PLACES, caller.msisdn(), List.copyOf(places))), List.of());
    }

    private Decision say(TextKey key, Map<String, String> values) {
        return Decision.answer(texts.render(key, values));
    }
}
