package org.starhash.gateway;

import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.session.SMPPSession;
import org.starhash.gateway.smpp.SmppClient;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A peer of the gateway in tests: the project's jsmpp client bound to a test gateway, with short-cuts. */
public final class TestPeer implements AutoCloseable {

    private final SmppClient client;
    public final SMPPSession session;

    private TestPeer(SmppClient client) {
        this.client = client;
        this.session = client.session();
    }

    public static TestPeer bind(Gateway gateway, BindType type, String systemId, String password) throws Exception {
        return new TestPeer(SmppClient.connect("127.0.0.1", gateway.smppAddress().getPort(), type, systemId, password));
    }

    /** A transceiver bind with the shipped USSD centre account. */
    public static TestPeer transceiver(Gateway gateway) throws Exception {
        return bind(gateway, BindType.BIND_TRX, "ussdc", "ussdpw");
    }

    /** A receiver bind with the shipped SMSC account, which takes the SMS the outbox sends. */
    public static TestPeer smsc(Gateway gateway) throws Exception {
        return bind(gateway, BindType.BIND_RX, "smsc", "smscpw");
    }

    /** Answers the next {@code count} deliver_sm negatively with the given status. */
    public void refuseNext(int count, int status) {
        client.refuseNext(count, status);
    }

    /** Sends a submit_sm and returns the message id of its response. */
    public String submit(String serviceType, String from, String to, byte[] text, byte dataCoding,
                         OptionalParameter... tlvs) throws Exception {
        return client.submit(serviceType, from, to, text, dataCoding, tlvs);
    }

    /** An SMS in plain ASCII from a handset to a short number. */
    public String sms(String from, String to, String text) throws Exception {
        return submit("", from, to, text.getBytes(StandardCharsets.US_ASCII), (byte) 0);
    }

    /** Opens a USSD dialogue with a dialled string and a dialogue reference. */
    public String dial(String from, String code, short reference) throws Exception {
        // destination_addr holds at most 20 characters; a longer string travels in short_message only.
        return submit("USSD", from, code.length() <= 20 ? code : "USSD", code.getBytes(StandardCharsets.US_ASCII), (byte) 0,
                new OptionalParameter.Ussd_service_op((byte) 1), new OptionalParameter.User_message_reference(reference));
    }

    /** Answers the screen of an open USSD dialogue (op 18) with the same dialogue reference. */
    public String answer(String from, String text, short reference) throws Exception {
        return submit("USSD", from, "*", text.getBytes(StandardCharsets.US_ASCII), (byte) 0,
                new OptionalParameter.Ussd_service_op((byte) 18), new OptionalParameter.User_message_reference(reference));
    }

    /** The ussd_service_op of a deliver_sm, -1 when it has none. */
    public static int opOf(DeliverSm deliverSm) {
        OptionalParameter.Byte op = (OptionalParameter.Byte) deliverSm.getOptionalParameter(OptionalParameter.Tag.USSD_SERVICE_OP);
        return op == null ? -1 : op.getValue() & 0xff;
    }

    /** The next deliver_sm, or null after five seconds. */
    public DeliverSm next() throws InterruptedException {
        return client.nextPdu(Duration.ofSeconds(5));
    }

    /** The next deliver_sm within the given time, or null. */
    public DeliverSm nextWithin(long millis) throws InterruptedException {
        return client.nextPdu(Duration.ofMillis(millis));
    }

    /** The text of a deliver_sm as the gateway encoded it. */
    public static String textOf(DeliverSm deliverSm) {
        return SmppClient.textOf(deliverSm);
    }

    @Override
    public void close() {
        client.close();
    }
}
