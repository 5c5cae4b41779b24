package org.starhash.gateway.services;

import org.starhash.gateway.config.TextKey;
import org.starhash.gateway.config.Texts;
import org.starhash.gateway.store.EInvoiceNotices;
import org.starhash.gateway.store.Lookup;
import org.starhash.gateway.store.Put;
import org.starhash.gateway.store.Subscriber;
import org.starhash.gateway.values.Money;
import org.starhash.gateway.values.OutboxMessage;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/** The SMS that tells a subscriber their e-invoice was delivered (seed 002 "E-račun"), once per billing period. */
public final class EInvoiceService {

    private final Texts texts;
    private final String sender;

    public EInvoiceService(Texts texts, String sender) {
        this.texts = texts;
        this.sender = sender;
    }

    /** The e-invoice of {@code period} for {@code cents} reached the subscriber's e-mail or bank: sent, or duplicate. */
    public Decision delivered(Invocation call, Subscriber s, YearMonth period, long cents, boolean bank, Lookup state) {
        String key = EInvoiceNotices.key(s.msisdn(), period.toString());
        if (state.get(EInvoiceNotices.TABLE, key).isPresent()) {
            return Decision.answer("duplicate");
        }
        String text = texts.render(TextKey.E_INVOICE, Map.of("period", Months.shown(period), "amount", Money.format(cents),
                "where", texts.render(bank ? TextKey.E_INVOICE_BANK : TextKey.E_INVOICE_EMAIL, Map.of())));
        return new Decision("sent", List.of(new Put<>(EInvoiceNotices.TABLE, key, call.day())), List.of(),
                List.of(OutboxMessage.sms(call.id("e-invoice", 0), sender, s.msisdn(), text, call.now())), List.of());
    }
}
