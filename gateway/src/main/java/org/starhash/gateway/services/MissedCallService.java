package org.starhash.gateway.services;

import org.starhash.gateway.config.ServiceSettings;
import org.starhash.gateway.config.TextKey;
import org.starhash.gateway.config.Texts;
import org.starhash.gateway.store.Flag;
import org.starhash.gateway.store.Flags;
import org.starhash.gateway.store.ForwardType;
import org.starhash.gateway.store.Forwardings;
import org.starhash.gateway.store.Lookup;
import org.starhash.gateway.store.MissedCalls;
import org.starhash.gateway.store.Put;
import org.starhash.gateway.store.Subscriber;
import org.starhash.gateway.values.Numbering;
import org.starhash.gateway.values.OutboxMessage;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * SMS zgrešeni klic (SERVICES.md §5, seed 002): calls missed while unreachable are kept, and when the subscriber
 * is reachable again one caller is told by an SMS from the caller's own number, several by one SMS from the
 * operator's number listing them. Nothing is kept for hidden numbers, with the service off, or while calls are
 * forwarded when unreachable (the forwarding wins).
 */
public final class MissedCallService {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final Texts texts;
    private final Numbering numbering;
    private final ServiceSettings settings;
    private final ZoneId zone;

    public MissedCallService(Texts texts, Numbering numbering, ServiceSettings settings, ZoneId zone) {
        this.texts = texts;
        this.numbering = numbering;
        this.settings = settings;
        this.zone = zone;
    }

    /** What became of a missed call. */
    private enum Kept {
        KEPT, HIDDEN_NUMBER, SERVICE_OFF, FORWARDED
    }

    /**
     * A call to an unreachable subscriber.
     *
     * @return the change, with the outcome's name as its text for the network
     */
    public Decision missed(Subscriber callee, String caller, boolean hidden, Instant at, Lookup state) {
        Kept outcome = hidden ? Kept.HIDDEN_NUMBER
                : !Flags.of(state, callee).has(Flag.MISSED_CALL_SMS) ? Kept.SERVICE_OFF
                : forwarded(state, callee) ? Kept.FORWARDED : Kept.KEPT;
        if (outcome != Kept.KEPT) {
            return Decision.answer(outcome.name().toLowerCase(Locale.ROOT));
        }
        MissedCalls kept = state.get(MissedCalls.TABLE, callee.msisdn()).orElse(new MissedCalls(List.of()));
        return new Decision("kept", List.of(new Put<>(MissedCalls.TABLE, callee.msisdn(),
                kept.plus(new MissedCalls.Call(caller, at)))), List.of());
    }

    /**
     * The subscriber is reachable again: the SMS about the calls missed, if any, and the list emptied.
     *
     * @param id a unique id for the SMS
     */
    public Decision reachable(Subscriber subscriber, String id, Instant now, Lookup state) {
        List<MissedCalls.Call> calls = state.get(MissedCalls.TABLE, subscriber.msisdn()).map(MissedCalls::calls)
                .orElse(List.of());
        if (calls.isEmpty()) {
            return Decision.answer("none");
        }
        List<Put<?>> cleared = List.of(new Put<>(MissedCalls.TABLE, subscriber.msisdn(), new MissedCalls(List.of())));
        if (!Flags.of(state, subscriber).has(Flag.MISSED_CALL_SMS) || forwarded(state, subscriber)) {
            return new Decision("dropped", cleared, List.of());
        }
        Map<String, List<Instant>> byCaller = new LinkedHashMap<>();
        calls.forEach(c -> byCaller.computeIfAbsent(c.caller(), k -> new ArrayList<>()).add(c.at()));
        OutboxMessage sms;
        if (byCaller.size() == 1) {
            String caller = calls.get(0).caller();
            List<Instant> times = byCaller.get(caller);
            String text = texts.render(TextKey.MISSED_CALL_ONE, Map.of("caller", numbering.national(caller),
                    "count", Integer.toString(times.size()), "time", time(times.get(times.size() - 1))));
            sms = OutboxMessage.sms(id, caller, subscriber.msisdn(), text, now);
        } else {
            List<String> lines = new ArrayList<>();
            byCaller.forEach((caller, times) -> lines.add(times.size() == 1
                    ? texts.render(TextKey.MISSED_CALL_ENTRY, Map.of("caller", numbering.national(caller),
                            "time", time(times.get(0))))
                    : texts.render(TextKey.MISSED_CALL_ENTRY_REPEATED, Map.of("caller", numbering.national(caller),
                            "count", Integer.toString(times.size()), "time", time(times.get(times.size() - 1))))));
            String text = texts.render(TextKey.MISSED_CALL_MANY, Map.of("callers", String.join(", ", lines)));
            sms = OutboxMessage.sms(id, settings.sender(), subscriber.msisdn(), text, now);
        }
        return new Decision("sent", cleared, List.of(), List.of(sms), List.of());
    }

    private static boolean forwarded(Lookup state, Subscriber s) {
        Forwardings f = Forwardings.of(state, s.msisdn());
        return f.active(ForwardType.NOT_REACHABLE) || f.active(ForwardType.ALL);
    }

    private String time(Instant at) {
        return TIME.format(at.atZone(zone));
    }
}
