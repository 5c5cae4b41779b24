package org.starhash.gateway.store;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A setting a subscriber switches on or off (SERVICES.md §1 and §4). Each has a fixed bit in the stored record
 * and a fixed name that menu files use, so neither may ever change.
 */
public enum Flag {
    /** Blocks "Prosim, pokliči me!" messages to this subscriber. */
    CALLBACK_BLOCK(0),
    /** Sends an SMS about calls missed while unreachable. */
    MISSED_CALL_SMS(1),
    BAR_INCOMING(2),
    BAR_OUTGOING(3),
    BAR_ROAMING(4),
    BAR_DATA(5),
    BAR_DATA_NATIONAL_ROAMING(6),
    BAR_DATA_ABROAD(7),
    BAR_INTERNATIONAL(8),
    BAR_EROTIC(9),
    BAR_COMMERCIAL(10),
    BAR_PREMIUM(11),
    /** Bars Polni zame top-ups sent by this subscriber. */
    BAR_TOPUP(12),
    /** GSM barring 332: outgoing international calls except to the home country. */
    BAR_INTERNATIONAL_EXCEPT_HOME(13),
    /** GSM barring 351: incoming calls when roaming abroad. */
    BAR_INCOMING_ROAMING(14),
    /** Call waiting ({@code *43#}). */
    CALL_WAITING(15),
    /**
     * SMS with the prices of a foreign network's zone when the subscriber registers in it (seed 002); on by
     * default, switched off by the operator at the subscriber's request; no menu offers it.
     */
    ROAMING_PRICE_SMS(16);

    private static final Map<String, Flag> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(Flag::key, Function.identity()));

    private final int bit;

    Flag(int bit) {
        this.bit = bit;
    }

    long mask() {
        return 1L << bit;
    }

    /** The name menu files use, such as {@code callback_block}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Flag> byKey(String key) {
        return Optional.ofNullable(BY_NAME.get(key));
    }
}
