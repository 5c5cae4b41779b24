package org.starhash.gateway.engine;

import java.util.List;
import java.util.Optional;

/**
 * What became of a batch of usage events, for the admin API.
 *
 * @param results one per event, in order; empty when the batch was refused
 * @param refusal why no event of the batch was applied ("events[3].msisdn: ..."), empty when it was
 */
public record UsageResults(List<Event> results, Optional<String> refusal) {

    public UsageResults {
        results = List.copyOf(results);
    }

    /**
     * One event.
     *
     * @param result  {@code counted}, {@code duplicate} or {@code refused}
     * @param reason  why refused, empty otherwise
     * @param actions what it caused: {@code roaming_barred}, {@code premium_barred}, {@code spend_alert}
     */
    public record Event(String id, String result, String reason, List<String> actions) {
        public Event {
            actions = List.copyOf(actions);
        }
    }
}
