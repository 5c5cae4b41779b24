package org.starhash.gateway.services;

import org.starhash.gateway.config.OtpSettings;
import org.starhash.gateway.config.TextKey;
import org.starhash.gateway.config.Texts;
import org.starhash.gateway.store.Lookup;
import org.starhash.gateway.store.OneTimeCode;
import org.starhash.gateway.store.OneTimeCodesOff;
import org.starhash.gateway.store.Put;
import org.starhash.gateway.store.Subscriber;
import org.starhash.gateway.values.OutboxMessage;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One-time codes by SMS for logging in to self-care and for linking a prepaid number to a profile (seeds 001 and
 * 003). The store keeps a code only as HMAC-SHA256 over number, purpose and code, under a key of the gateway's
 * own, and compares in constant time; a code is spent by its first right answer, locked by too many wrong ones,
 * and replaced by the next one sent. Sends are limited per number and purpose, so the gateway cannot be used to
 * pump SMS to a number. The code itself is drawn by the caller (the edge holds the random source).
 */
public final class OtpService {

    /** What a code may be for. */
    public static final List<String> PURPOSES = List.of("login", "link");
    /** Digits of a code. */
    public static final int DIGITS = 6;

    private final OtpSettings settings;
    private final Texts texts;
    private final String sender;
    private final SecretKeySpec key;

    public OtpService(OtpSettings settings, Texts texts, String sender, byte[] key) {
        this.settings = settings;
        this.texts = texts;
        this.sender = sender;
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    }

    /**
     * What an admin call came to.
     *
     * @param result  the word of the answer
     * @param numbers fields of the answer beside it ({@code expires_in}, {@code retry_after}, {@code attempts_left})
     * @param decision what to store and send
     */
    public record Answer(String result, Map<String, Long> numbers, Decision decision) {
        public Answer {
            numbers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(numbers));
        }

        static Answer only(String result) {
            return new Answer(result, Map.of(), Decision.answer(result));
        }

        static Answer with(String result, String field, long value, List<Put<?>> puts) {
            return new Answer(result, Map.of(field, value), new Decision(result, puts, List.of()));
        }
    }

    /** A request for a code: sent, or refused as too soon, too many or disabled. */
    public Answer request(Invocation call, Subscriber s, String purpose, String code, Lookup state) {
        if (state.get(OneTimeCodesOff.TABLE, s.msisdn()).isPresent()) {
            return Answer.only("disabled");
        }
        String key = OneTimeCode.key(s.msisdn(), purpose);
        Instant now = call.now();
        Optional<OneTimeCode> last = state.get(OneTimeCode.TABLE, key);
        if (last.isPresent() && now.isBefore(last.get().sent().plus(settings.resend()))) {
            return Answer.with("too_soon", "retry_after", secondsUntil(now, last.get().sent().plus(settings.resend())), List.of());
        }
        Instant windowStart = now.minus(settings.window());
        List<Instant> sends = new ArrayList<>(last.map(OneTimeCode::sends).orElse(List.of()).stream()
                .filter(at -> at.isAfter(windowStart)).toList());
        if (sends.size() >= settings.maxSends()) {
            return Answer.only("too_many");
        }
        sends.add(now);
        Instant expires = now.plus(settings.valid());
        OneTimeCode sent = new OneTimeCode(hash(s.msisdn(), purpose, code), now, expires, 0, false, sends);
        String text = texts.render(purpose.equals("login") ? TextKey.OTP_LOGIN : TextKey.OTP_LINK,
                Map.of("code", code, "minutes", Long.toString(Math.max(1, settings.valid().toMinutes()))));
        OutboxMessage sms = OutboxMessage.urgentSms(call.id("otp", 0), sender, s.msisdn(), text, now, expires);
        return new Answer("sent", Map.of("expires_in", settings.valid().toSeconds()), new Decision("sent",
                List.of(new Put<>(OneTimeCode.TABLE, key, sent)), List.of(), List.of(sms), List.of()));
    }

    /** A code given back: ok once, wrong (with the tries left), expired (or spent, or none sent), or locked. */
    public Answer verify(Instant now, String msisdn, String purpose, String code, Lookup state) {
        String key = OneTimeCode.key(msisdn, purpose);
        Optional<OneTimeCode> stored = state.get(OneTimeCode.TABLE, key);
        if (stored.isEmpty() || stored.get().spent()) {
            return Answer.only("expired");
        }
        OneTimeCode c = stored.get();
        if (c.wrong() >= settings.maxAttempts()) {
            return Answer.only("locked");
        }
        if (now.isAfter(c.expires())) {
            return Answer.only("expired");
        }
        if (MessageDigest.isEqual(c.hash(), hash(msisdn, purpose, code))) {
            return new Answer("ok", Map.of(), new Decision("ok", List.of(new Put<>(OneTimeCode.TABLE, key, c.spentNow())), List.of()));
        }
        OneTimeCode tried = c.withWrongTry();
        return Answer.with("wrong", "attempts_left", settings.maxAttempts() - tried.wrong(),
                List.of(new Put<>(OneTimeCode.TABLE, key, tried)));
    }

    /** A business account's main administrator switches SMS codes off or on again for a number (seed 003). */
    public Answer enable(String msisdn, boolean enabled, LocalDate today) {
        Put<LocalDate> put = enabled ? Put.removal(OneTimeCodesOff.TABLE, msisdn) : new Put<>(OneTimeCodesOff.TABLE, msisdn, today);
        return new Answer("updated", Map.of(), new Decision("updated", List.of(put), List.of()));
    }

    private static long secondsUntil(Instant now, Instant then) {
        return Math.max(1, (Duration.between(now, then).toMillis() + 999) / 1000);
    }

    private byte[] hash(String msisdn, String purpose, String code) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal((msisdn + '\n' + purpose + '\n' + code).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available: " + e, e);
        }
    }
}
