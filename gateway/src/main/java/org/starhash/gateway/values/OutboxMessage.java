package org.starhash.gateway.values;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A message to a handset that a change caused, kept in the outbox until the network took it.
 *
 * @param id      unique id, the key in the outbox
 * @param kind    an SMS, or a network-initiated USSD question or notice
 * @param from    the sender the handset shows: a short number, a USSD code or a subscriber's MSISDN
 * @param to      the receiving handset, normalized
 * @param text    the text
 * @param created when the change that caused it was made
 * @param expires after this it is no longer worth sending (a question nobody can answer any more)
 * @param urgent  goes before the others waiting (a one-time code someone is waiting for, not a storm alert to
 *                thousands)
 */
public record OutboxMessage(String id, Kind kind, String from, String to, String text, Instant created,
                            Optional<Instant> expires, boolean urgent) {

    /** How the message reaches the handset. */
    public enum Kind {
        /** A short message. */
        SMS,
        /** A network-initiated USSD question (ussd_service_op 2 without a dialogue before it). */
        USSD_REQUEST,
        /** A network-initiated USSD notice (ussd_service_op 3). */
        USSD_NOTIFY
    }

    public OutboxMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(expires, "expires");
        if (id.isBlank() || from.isBlank() || to.isBlank()) {
            throw new IllegalArgumentException("an outbox message needs an id, a sender and a receiver");
        }
    }

    /** A message that waits its turn. */
    public OutboxMessage(String id, Kind kind, String from, String to, String text, Instant created,
                         Optional<Instant> expires) {
        this(id, kind, from, to, text, created, expires, false);
    }

    /** An SMS that goes before the others waiting and is not worth sending after {@code expires}. */
    public static OutboxMessage urgentSms(String id, String from, String to, String text, Instant created, Instant expires) {
        return new OutboxMessage(id, Kind.SMS, from, to, text, created, Optional.of(expires), true);
    }

    /** An SMS that is worth sending however late. */
    public static OutboxMessage sms(String id, String from, String to, String text, Instant created) {
        return new OutboxMessage(id, Kind.SMS, from, to, text, created, Optional.empty());
    }

    /** Whether it is too late to send it. */
    public boolean expiredAt(Instant now) {
        return expires.isPresent() && now.isAfter(expires.get());
    }
}
