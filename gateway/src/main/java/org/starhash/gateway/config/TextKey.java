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
    SPEND_PREPAID("balance"),
    NUMBER_INVALID("number"),
    NUMBER_NOT_IN_NETWORK("number"),
    NUMBER_OWN,
    TOPUP_USAGE_USSD("amounts"),
    TOPUP_USAGE_SMS("amounts"),
    TOPUP_SENDER_PREPAID,
    TOPUP_BARRED,
    TOPUP_BAD_AMOUNT("amounts"),
    TOPUP_RECIPIENT_POSTPAID("number"),
    TOPUP_DAILY_LIMIT("limit", "left"),
    TOPUP_DONE("amount", "number"),
    TOPUP_RECEIVED("amount", "from", "balance"),
    TOPUP_RECEIVED_TEXT("amount", "from", "balance", "text"),
    CALLBACK_MESSAGE,
    CALLBACK_SENT("number"),
    CALLBACK_BLOCKED("number"),
    CALLBACK_LIMIT("limit"),
    COLLECT_USAGE,
    COLLECT_BOTH_PREPAID,
    COLLECT_ASKED("number"),
    COLLECT_QUESTION("caller", "price"),
    COLLECT_ACCEPTED("number"),
    COLLECT_DECLINED("number"),
    COLLECT_NO_ANSWER("number"),
    COLLECT_ACCEPT_DONE("caller"),
    COLLECT_DECLINE_DONE("caller"),
    COLLECT_NO_BALANCE("price"),
    SS_UNSUPPORTED("code"),
    CALL_WAITING_ON,
    CALL_WAITING_OFF,
    FORWARDING_ALL,
    FORWARDING_BUSY,
    FORWARDING_NO_REPLY("seconds"),
    FORWARDING_NOT_REACHABLE,
    FORWARDING_ON("type", "number"),
    FORWARDING_OFF("type"),
    FORWARDING_ERASED("type"),
    FORWARDING_ERASED_ALL,
    FORWARDING_NO_NUMBER("type", "code"),
    FORWARDING_RING_TIME("min", "max"),
    BARRING_OUTGOING,
    BARRING_INTERNATIONAL,
    BARRING_INTERNATIONAL_EXCEPT_HOME,
    BARRING_INCOMING,
    BARRING_INCOMING_ROAMING,
    BARRING_ON("type"),
    BARRING_OFF("type"),
    BARRING_ALL_OFF,
    BARRING_PIN_NEEDED("code"),
    BARRING_PIN_WRONG("left"),
    BARRING_LOCKED,
    BARRING_PIN_CHANGED,
    BARRING_PIN_MISMATCH,
    BARRING_PIN_FORMAT,
    MISSED_CALL_ONE("caller", "count", "time"),
    MISSED_CALL_MANY("callers"),
    MISSED_CALL_ENTRY("caller", "time"),
    MISSED_CALL_ENTRY_REPEATED("caller", "count", "time");

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
