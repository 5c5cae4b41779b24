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

/**
 * The stop codes of content providers (SERVICES.md §2, seed 002): a provider's stop keyword on one of its short
 * numbers ends the subscriber's subscription to that provider and confirms it, naming where to complain.
 */
public final class ContentStopService implements Service {

    private final Texts texts;
    private final KeywordSettings settings;

    public ContentStopService(Texts texts, KeywordSettings settings) {
        this.texts = texts;
        this.settings = settings;
    }

    @Override
    public String name() {
        return "content_stop";
    }

    @Override
    public boolean inMenus() {
        return false;
    }

    @Override
    public Decision decide(Invocation call, Subscriber caller, Lookup state) {
        KeywordSettings.Provider provider = settings.providerOf(call.to(), call.keyword()).orElseThrow(
                () -> new IllegalStateException("no provider stops with " + call.keyword() + " on " + call.to()));
        Map<String, String> named = Map.of("provider", provider.name(), "contact", provider.contact());
        List<String> taken = new ArrayList<>(Subscriptions.of(state, Subscriptions.CONTENT_PROVIDERS, caller.msisdn()));
        if (!taken.remove(provider.id())) {
            return Decision.answer(texts.render(TextKey.CONTENT_NOT_SUBSCRIBED, named));
        }
        return new Decision(texts.render(TextKey.CONTENT_STOPPED, named),
                List.of(new Put<>(Subscriptions.CONTENT_PROVIDERS, caller.msisdn(), List.copyOf(taken))), List.of());
    }

    /**
     * A content provider reports that a subscriber took one of its paid services (SERVICES.md §5): it is added to
     * the providers a stop code can end; the decision's text says so for the admin API ({@code subscribed}, or
     * {@code already}).
     */
    public static Decision taken(Subscriber subscriber, String provider, Lookup state) {
        List<String> taken = new ArrayList<>(Subscriptions.of(state, Subscriptions.CONTENT_PROVIDERS, subscriber.msisdn()));
        if (taken.contains(provider)) {
            return Decision.answer("already");
        }
        taken.add(provider);
        return new Decision("subscribed",
                List.of(new Put<>(Subscriptions.CONTENT_PROVIDERS, subscriber.msisdn(), List.copyOf(taken))), List.of());
    }
}
