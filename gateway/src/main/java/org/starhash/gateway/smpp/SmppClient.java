package org.starhash.gateway.smpp;

import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test peer for the command line: binds as a transceiver with jsmpp's own client, sends one MO and collects
 * the messages the gateway sends back.
 */
public final class SmppClient implements AutoCloseable {

    /**
     * A message the gateway sent to a handset.
     *
     * @param from    the sender, a short number or USSD code
     * @param to      the handset
     * @param text    the text
     * @param ussdOp  the ussd_service_op, or -1 for an SMS
     */
    public record Received(String from, String to, String text, int ussdOp) {
    }

    private final SMPPSession session = new SMPPSession();
    private final LinkedBlockingQueue<DeliverSm> inbox = new LinkedBlockingQueue<>();
    private final AtomicInteger refusals = new AtomicInteger();
    private volatile int refusalStatus;

    private SmppClient() {
    }

    /** Connects and binds as a transceiver; an IOException carries the bind status when the gateway refused. */
    public static SmppClient connect(String host, int port, String systemId, String password) throws IOException {
        return connect(host, port, BindType.BIND_TRX, systemId, password);
    }

    /** Connects and binds the given way. */
    public static SmppClient connect(String host, int port, BindType bindType, String systemId, String password)
            throws IOException {
        SmppClient client = new SmppClient();
        client.session.setMessageReceiverListener(new MessageReceiverListener() {
            @Override
            public void onAcceptDeliverSm(DeliverSm deliverSm) throws ProcessRequestException {
                if (client.refusals.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    throw new ProcessRequestException("refused on purpose", client.refusalStatus);
                }
                client.inbox.add(deliverSm);
            }

            @Override
            public void onAcceptAlertNotification(org.jsmpp.bean.AlertNotification alertNotification) {
            }

            @Override
            public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
                throw new ProcessRequestException("data_sm is not taken by this client", 3);
            }
        });
        try {
            client.session.connectAndBind(host, port, new BindParameter(bindType, systemId, password, "",
                    TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null), 10_000);
        } catch (IOException e) {
            client.session.close();
            throw e;
        }
        return client;
    }

    /** Sends an SMS from a handset (submit_sm) and returns once the gateway took it. */
    public void sendSms(String msisdn, String to, String text) throws Exception {
        submit(msisdn, to, text, null);
    }

    /** Opens a USSD dialogue (ussd_service_op 1) with a dialled string. */
    public void dial(String msisdn, String code) throws Exception {
        submit(msisdn, code, code, new OptionalParameter.Ussd_service_op(UssdOp.PSSR_INDICATION.value()));
    }

    /** Answers the screen of an open USSD dialogue (ussd_service_op 18, USSR confirm). */
    public void answer(String msisdn, String to, String text) throws Exception {
        submit(msisdn, to, text, new OptionalParameter.Ussd_service_op(UssdOp.USSR_CONFIRM.value()));
    }

    private void submit(String msisdn, String to, String text, OptionalParameter op) throws Exception {
        SmppText.Encoded encoded = SmppText.encode(text);
        OptionalParameter[] tlvs = op == null ? new OptionalParameter[0] : new OptionalParameter[] {op};
        submit(op == null ? "" : "USSD", msisdn, to, encoded.bytes(), encoded.dataCoding(), tlvs);
    }

    /** Sends a submit_sm as given and returns the message id of its response. */
    public String submit(String serviceType, String from, String to, byte[] text, byte dataCoding,
                         OptionalParameter... tlvs) throws Exception {
        return submit(serviceType, from, to, (byte) 0, text, dataCoding, tlvs);
    }

    /** The same with an esm_class, such as the UDHI bit of a part of a long SMS. */
    public String submit(String serviceType, String from, String to, byte esmClass, byte[] text, byte dataCoding,
                         OptionalParameter... tlvs) throws Exception {
        return session.submitShortMessage(serviceType, TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, from,
                TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, to, new ESMClass(esmClass), (byte) 0, (byte) 0, null, null,
                new RegisteredDelivery(), (byte) 0, DataCodings.newInstance(dataCoding), (byte) 0, text, tlvs).getMessageId();
    }

    /** Answers the next {@code count} deliver_sm with a negative response of the given status, as a busy SMSC would. */
    public void refuseNext(int count, int status) {
        refusalStatus = status;
        refusals.set(count);
    }

    /** jsmpp's session, for what the methods here do not cover. */
    public SMPPSession session() {
        return session;
    }

    /** The next deliver_sm as jsmpp decoded it, or null when none came in time. */
    public DeliverSm nextPdu(Duration wait) throws InterruptedException {
        return inbox.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The next message the gateway sent, or null when none came in time. */
    public Received next(Duration wait) throws InterruptedException {
        DeliverSm deliverSm = nextPdu(wait);
        return deliverSm == null ? null : new Received(deliverSm.getSourceAddr(), deliverSm.getDestAddress(),
                textOf(deliverSm), SmppText.ussdOpOf(deliverSm));
    }

    /** The text of a deliver_sm, from short_message or message_payload. */
    public static String textOf(DeliverSm deliverSm) {
        String text = SmppText.textOf(deliverSm);
        return text == null ? "" : text;
    }

    /** Every message that arrives until none has come for {@code quiet}, waiting at most {@code first} for one. */
    public List<Received> drain(Duration first, Duration quiet) throws InterruptedException {
        List<Received> all = new ArrayList<>();
        Received r = next(first);
        while (r != null) {
            all.add(r);
            r = next(quiet);
        }
        return all;
    }

    @Override
    public void close() {
        try {
            session.unbindAndClose();
        } catch (RuntimeException e) {
            session.close();
        }
    }
}
