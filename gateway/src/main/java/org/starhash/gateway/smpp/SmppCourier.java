package org.starhash.gateway.smpp;

import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.OptionalParameter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.starhash.gateway.config.OutboxSettings;
import org.starhash.gateway.outbox.Courier;
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

    SmppCourier(Binds binds, OutboxSettings settings) {
        this.binds = binds;
        this.settings = settings;
    }

    @Override
    public CompletableFuture<Result> send(OutboxMessage message) {
        boolean sms = message.kind() == OutboxMessage.Kind.SMS;
        Optional<SmppSession> target = binds.receiverOf(sms ? settings.smsAccount() : settings.ussdAccount());
        if (target.isEmpty()) {
            return CompletableFuture.completedFuture(Result.NO_ROUTE);
        }
        SmppSession session = target.get();
        List<OptionalParameter> tlvs = new ArrayList<>(2);
        if (!sms) {
            tlvs.add(new OptionalParameter.Ussd_service_op((byte) (message.kind() == OutboxMessage.Kind.USSD_REQUEST
                    ? MoHandler.USSR_REQUEST : USSN_REQUEST)));
        }
        SmppText.Encoded encoded = SmppText.encode(message.text());
        byte[] shortMessage = SmppText.shortMessage(encoded, tlvs);
        CompletableFuture<Result> result = new CompletableFuture<>();
        session.channel().eventLoop().execute(() -> {
            int sequence = session.nextSequence();
            byte[] pdu = Pdus.message(true, sequence, sms ? "" : "USSD", address(message.from()), address(message.to()),
                    encoded.dataCoding(), shortMessage, tlvs.toArray(OptionalParameter[]::new));
            session.request(sequence, pdu, settings.responseTimeout()).thenAccept(status -> {
                if (status == SMPPConstant.STAT_ESME_ROK) {
                    result.complete(Result.DELIVERED);
                } else {
                    LOG.debug("{} did not take outbox message {}: status {}", session.account(), message.id(),
                            status < 0 ? "none (timeout or closed)" : "0x" + Integer.toHexString(status));
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
