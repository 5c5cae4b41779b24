package org.starhash.gateway.smpp;

import org.jsmpp.SMPPConstant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.starhash.gateway.config.OutboxSettings;
import org.starhash.gateway.outbox.Courier;
import org.starhash.gateway.values.Numbering;
import org.starhash.gateway.values.OutboxMessage;

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

    private final Binds binds;
    private final OutboxSettings settings;
    private final MtPdus mt;

    SmppCourier(Binds binds, OutboxSettings settings, MtPdus mt) {
        this.binds = binds;
        this.settings = settings;
        this.mt = mt;
    }

    @Override
    public CompletableFuture<Result> send(OutboxMessage message) {
        boolean sms = message.kind() == OutboxMessage.Kind.SMS;
        Optional<SmppSession> target = binds.receiverOf(sms ? settings.smsAccount() : settings.ussdAccount());
        if (target.isEmpty()) {
            return CompletableFuture.completedFuture(Result.NO_ROUTE);
        }
        SmppSession session = target.get();
        CompletableFuture<Result> result = new CompletableFuture<>();
        session.channel().eventLoop().execute(() -> {
            // A retry keeps the reference of a long SMS's parts, so the handset can join copies.
            List<MtPdus.Mt> pdus = sms
                    ? mt.sms(MtPdus.Carrier.DELIVER_SM, session::nextSequence, "", address(message.from()),
                            address(message.to()), message.text(), message.id().hashCode())
                    : List.of(mt.ussd(MtPdus.Carrier.DELIVER_SM, session.nextSequence(),
                            message.kind() == OutboxMessage.Kind.USSD_REQUEST ? UssdOp.USSR_REQUEST : UssdOp.USSN_REQUEST,
                            address(message.from()), address(message.to()), message.text(), List.of()));
            List<CompletableFuture<Integer>> statuses = new ArrayList<>();
            for (MtPdus.Mt n : pdus) {
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
