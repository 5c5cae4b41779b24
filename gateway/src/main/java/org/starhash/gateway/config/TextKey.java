package org.starhash.gateway.config;

import java.util.Locale;
import java.util.Set;

/** Every text the gateway sends, by its key under {@code texts:}, with the placeholders it may use. */
public enum TextKey {
    UNKNOWN_SUBSCRIBER("msisdn"),
    UNKNOWN_CODE("code"),
    UNKNOWN_SHORT_NUMBER("to"),
    UNKNOWN_KEYWORD("to", "keywords"),
    USSD_NO_DIALOGUE,
    USSD_MALFORMED("code"),
    USSD_WRONG_CHOICE,
    USSD_INPUT_DIGITS,
    USSD_INPUT_MSISDN,
    USSD_INPUT_AMOUNT("amounts"),
    USSD_MORE,
    USSD_BACK,
    USSD_HOME,
    STATE_ON,
    STATE_OFF,
    TRY_LATER,
    BALANCE_PREPAID("balance"),
    BALANCE_POSTPAID("minutes", "sms", "data", "extra"),
    SPEND_POSTPAID("month", "extra"),
    SPEND_PREPAID("balance");

    private final Set<String> placeholders;

    TextKey(String... placeholders) {
        this.placeholders = Set.of(placeholders);
    }

    public Set<String> placeholders() {
        return placeholders;
    }

    /** The key as written in the file. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
