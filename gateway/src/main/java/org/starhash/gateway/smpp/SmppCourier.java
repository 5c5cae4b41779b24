package org.starhash.gateway.smpp;

import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.OptionalParameter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.starhash.gateway.config.OutboxSettings;
import org.starhash.gateway.outbox.Courier;
import org.starhash.gateway.sms.Segments;
import org.starhash.gateway.sms.Transliteration;
import org.starhash.gateway.store.Numbering;
import org.starhash.gateway.store.OutboxMessage;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Sends outbox messages as deliver_sm to a receiver-capable bind (of the configured account, or of any), and
 * reports the peer's response: a network-initiated USSD question carries ussd_service_op 2, a notice op 3.
 */
final class SmppCourier implements Courier {

    private static final Logger LOG = LoggerFactory.getLogger(SmppCourier.class);
    private static final byte TON_UNKNOWN = 0;
    private static final byte TON_INTERNATIONAL = 1;
    private static final byte NPI_UNKNOWN = 0;
    private static final byte NPI_ISDN = 1;
    private static final int USSN_REQUEST = 3;

    private final Binds binds;
    private final OutboxSettings settings;
    private final boolean transliterate;

    SmppCourier(Binds binds, OutboxSettings settings, boolean transliterate) {
        this.binds = binds;
        this.settings = settings;
        this.transliterate = transliterate;
    }

    @Override
    public CompletableFuture<Result> send(OutboxMessage message) {
        boolean sms = message.kind() == OutboxMessage.Kind.SMS;
        Optional<SmppSession> target = binds.receiverOf(sms ? settings.smsAccount() : settings.ussdAccount());
        if (target.isEmpty()) {
            return CompletableFuture.completedFuture(Result.NO_ROUTE);
        }
        SmppSession session = target.get();
        record Numbered(int sequence, byte[] pdu) {
        }
        List<Numbered> pdus = new ArrayList<>();
        CompletableFuture<Result> result = new CompletableFuture<>();
        session.channel().eventLoop().execute(() -> {
            if (sms) {
                // A long SMS goes as numbered parts; a retry keeps the reference, so the handset can join copies.
                Segments segments = Segments.of(transliterate ? Transliteration.apply(message.text()) : message.text(),
                        message.id().hashCode());
                byte esmClass = segments.concatenated() ? SmppText.ESM_UDHI : 0;
                for (byte[] segment : segments.segments()) {
                    int sequence = session.nextSequence();
                    pdus.add(new Numbered(sequence, Pdus.message(true, sequence, "", address(message.from()),
                            address(message.to()), esmClass, segments.alphabet().dataCoding(), segment)));
                }
            } else {
                List<OptionalParameter> tlvs = new ArrayList<>(2);
                tlvs.add(new OptionalParameter.Ussd_service_op((byte) (message.kind() == OutboxMessage.Kind.USSD_REQUEST
                        ? MoHandler.USSR_REQUEST : USSN_REQUEST)));
                SmppText.Encoded encoded = SmppText.encode(message.text());
                byte[] shortMessage = SmppText.shortMessage(encoded, tlvs);
                int sequence = session.nextSequence();
                pdus.add(new Numbered(sequence, Pdus.message(true, sequence, "USSD", address(message.from()),
                        address(message.to()), encoded.dataCoding(), shortMessage, tlvs.toArray(OptionalParameter[]::new))));
            }
            List<CompletableFuture<Integer>> statuses = new ArrayList<>();
            for (Numbered n : pdus) {
                statuses.add(session.request(n.sequence(), n.pdu(), settings.responseTimeout()));
            }
            CompletableFuture.allOf(statuses.toArray(CompletableFuture[]::new)).thenRun(() -> {
                int refused = statuses.stream().mapToInt(CompletableFuture::join)
                        .filter(status -> status != SMPPConstant.STAT_ESME_ROK).findFirst().orElse(SMPPConstant.STAT_ESME_ROK);
                if (refused == SMPPConstant.STAT_ESME_ROK) {
                    result.complete(Result.DELIVERED);
                } else {
                    LOG.debug("{} did not take outbox message {}: status {}", session.account(), message.id(),
                            refused < 0 ? "none (timeout or closed)" : "0x" + Integer.toHexString(refused));
                    result.complete(Result.FAILED);
                }
            });
        });
        return result;
    }

    @Override
    public void onReady(Runnable ready) {
        binds.onReceiverBound(ready);
    }

    /** A subscriber's international number is sent as such; a short number or code as it is. */
    private static Pdus.Address address(String number) {
        return Numbering.isInternational(number) && number.length() > 8
                ? new Pdus.Address(TON_INTERNATIONAL, NPI_ISDN, number)
                : new Pdus.Address(TON_UNKNOWN, NPI_UNKNOWN, number);
    }
}
