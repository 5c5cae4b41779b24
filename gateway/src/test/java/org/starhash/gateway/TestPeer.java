package org.starhash.gateway;

import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.session.SMPPSession;
import org.starhash.gateway.smpp.SmppClient;
import org.starhash.gateway.smpp.SmppText;
import org.starhash.gateway.sms.Concatenation;

import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** A peer of the gateway in tests: the project's jsmpp client bound to a test gateway, with short-cuts. */
public final class TestPeer implements AutoCloseable {

    private final SmppClient client;
    public final SMPPSession session;
    /** Messages that came while the parts of another were gathered, handed out first. */
    private final Deque<DeliverSm> aside = new ArrayDeque<>();

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

    /** Sends a submit_sm with an esm_class (0x40: short_message starts with a user data header). */
    public String submit(String from, String to, byte esmClass, byte[] text, byte dataCoding,
                         OptionalParameter... tlvs) throws Exception {
        return client.submit("", from, to, esmClass, text, dataCoding, tlvs);
    }

    /** An SMS from a handset to a short number, written as a handset writes it: GSM 7-bit, or UCS-2 if it must. */
    public String sms(String from, String to, String text) throws Exception {
        SmppText.Encoded encoded = SmppText.encode(text);
        return submit("", from, to, encoded.bytes(), encoded.dataCoding());
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

    /** The command_status of the negative response behind an exception of jsmpp's; fails the test when there is none. */
    public static int statusOf(Exception e) {
        Throwable t = e;
        while (t != null && !(t instanceof org.jsmpp.extra.NegativeResponseException)) {
            t = t.getCause();
        }
        assertNotNull(t, "expected a negative response, got " + e);
        return ((org.jsmpp.extra.NegativeResponseException) t).getCommandStatus();
    }

    /** The ussd_service_op of a deliver_sm, -1 when it has none. */
    public static int opOf(DeliverSm deliverSm) {
        OptionalParameter.Byte op = (OptionalParameter.Byte) deliverSm.getOptionalParameter(OptionalParameter.Tag.USSD_SERVICE_OP);
        return op == null ? -1 : op.getValue() & 0xff;
    }

    /**
     * The next message as a handset shows it, or null after five seconds: the parts of a concatenated SMS come
     * joined into one deliver_sm without a header.
     */
    public DeliverSm next() throws InterruptedException {
        return join(nextPart());
    }

    /** The next deliver_sm as it came, a part of a concatenated SMS on its own, or null after five seconds. */
    public DeliverSm nextPart() throws InterruptedException {
        return nextPart(5000);
    }

    private DeliverSm nextPart(long millis) throws InterruptedException {
        DeliverSm early = aside.poll();
        return early != null ? early : client.nextPdu(Duration.ofMillis(millis));
    }

    /** The next message within the given time, joined as {@link #next} joins it, or null. */
    public DeliverSm nextWithin(long millis) throws InterruptedException {
        return join(nextPart(millis));
    }

    private DeliverSm join(DeliverSm first) throws InterruptedException {
        Optional<Concatenation> concatenation = first == null ? Optional.empty() : SmppText.concatenationOf(first);
        if (concatenation.isEmpty()) {
            return first;
        }
        int total = concatenation.get().total();
        byte[][] bodies = new byte[total][];
        List<DeliverSm> others = new ArrayList<>();
        DeliverSm part = first;
        // Parts come in any order (jsmpp hands them over on several threads), mixed with other messages.
        for (int got = 0; got < total; ) {
            assertNotNull(part, "part " + (got + 1) + " of " + total + " never came");
            Optional<Concatenation> c = SmppText.concatenationOf(part);
            if (c.isPresent() && c.get().reference() == concatenation.get().reference()
                    && part.getDestAddress().equals(first.getDestAddress())) {
                byte[] raw = part.getShortMessage();
                bodies[c.get().number() - 1] = Arrays.copyOfRange(raw, Concatenation.header(raw).length(), raw.length);
                got++;
            } else {
                others.add(part);
            }
            part = got < total ? nextPart(5000) : null;
        }
        aside.addAll(others);
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        for (byte[] body : bodies) {
            assertNotNull(body, "a part came twice and another never");
            joined.writeBytes(body);
        }
        first.setShortMessage(joined.toByteArray());
        first.setEsmClass((byte) 0);
        return first;
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
