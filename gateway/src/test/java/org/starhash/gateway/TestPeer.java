package org.starhash.gateway;

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

import java.nio.charset.StandardCharsets;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A peer of the gateway in tests: jsmpp's own client, keeping every deliver_sm it receives. */
public final class TestPeer implements AutoCloseable {

    public final SMPPSession session = new SMPPSession();
    private final LinkedBlockingQueue<DeliverSm> received = new LinkedBlockingQueue<>();

    private TestPeer() {
    }

    public static TestPeer bind(Gateway gateway, BindType type, String systemId, String password) throws Exception {
        TestPeer peer = new TestPeer();
        peer.session.setMessageReceiverListener(new MessageReceiverListener() {
            @Override
            public void onAcceptDeliverSm(DeliverSm deliverSm) {
                peer.received.add(deliverSm);
            }

            @Override
            public void onAcceptAlertNotification(org.jsmpp.bean.AlertNotification alertNotification) {
            }

            @Override
            public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
                throw new ProcessRequestException("not expected", 3);
            }
        });
        try {
            peer.session.connectAndBind("127.0.0.1", gateway.smppAddress().getPort(),
                    new BindParameter(type, systemId, password, "", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null),
                    5_000);
        } catch (Exception e) {
            peer.session.close();
            throw e;
        }
        return peer;
    }

    /** A transceiver bind with the shipped USSD centre account. */
    public static TestPeer transceiver(Gateway gateway) throws Exception {
        return bind(gateway, BindType.BIND_TRX, "ussdc", "ussdpw");
    }

    /** Sends a submit_sm and returns the message id of its response. */
    public String submit(String serviceType, String from, String to, byte[] text, byte dataCoding,
                         OptionalParameter... tlvs) throws Exception {
        return session.submitShortMessage(serviceType, TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, from,
                TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, to, new ESMClass(), (byte) 0, (byte) 0, null, null,
                new RegisteredDelivery(), (byte) 0, DataCodings.newInstance(dataCoding), (byte) 0, text, tlvs).getMessageId();
    }

    /** An SMS in plain ASCII from a handset to a short number. */
    public String sms(String from, String to, String text) throws Exception {
        return submit("", from, to, text.getBytes(StandardCharsets.US_ASCII), (byte) 0);
    }

    /** Opens a USSD dialogue with a dialled string and a dialogue reference. */
    public String dial(String from, String code, short reference) throws Exception {
        return submit("USSD", from, code, code.getBytes(StandardCharsets.US_ASCII), (byte) 0,
                new OptionalParameter.Ussd_service_op((byte) 1), new OptionalParameter.User_message_reference(reference));
    }

    /** The next deliver_sm, or null after five seconds. */
    public DeliverSm next() throws InterruptedException {
        return received.poll(5, TimeUnit.SECONDS);
    }

    /** Nothing more arrives within the given time. */
    public DeliverSm nextWithin(long millis) throws InterruptedException {
        return received.poll(millis, TimeUnit.MILLISECONDS);
    }

    /** The text of a deliver_sm as the gateway encoded it. */
    public static String textOf(DeliverSm deliverSm) {
        byte[] bytes = deliverSm.getShortMessage();
        return deliverSm.getDataCoding() == 8
                ? new String(bytes, StandardCharsets.UTF_16BE) : new String(bytes, StandardCharsets.US_ASCII);
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
