package org.starhash.gateway;

import org.jsmpp.bean.DeliverSm;
import org.starhash.billing.JsonLinesHook;
import org.starhash.gateway.config.GatewayConfig;
import org.starhash.gateway.store.Subscriber;
import org.starhash.gateway.store.Subscribers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A gateway with two bound peers, as the USSD services see the network: the USSD centre (a transceiver of the
 * account {@code ussdc}) that sends what handsets dial and gets the screens and network-initiated USSD, and the
 * SMSC (a receiver of the account {@code smsc}) that gets the SMS the outbox sends to other handsets.
 */
final class ServicesFixture implements AutoCloseable {

    static final String PREPAID = "070000001";
    static final String PREPAID_INTL = "38670000001";
    static final String PREPAID_2 = "070000002";
    static final String PREPAID_2_INTL = "38670000002";
    static final String POSTPAID = "041000001";
    static final String POSTPAID_INTL = "38641000001";
    static final String POSTPAID_2 = "041000002";
    static final short REF = 9;

    final Path data;
    final Gateway gateway;
    final TestPeer ussdc;
    final TestPeer smsc;

    ServicesFixture(GatewayConfig config, Path data, Clock clock) throws Exception {
        this.data = data;
        this.gateway = Gateway.start(config.withPorts(0, 0), data, clock);
        this.ussdc = TestPeer.transceiver(gateway);
        this.smsc = TestPeer.smsc(gateway);
    }

    static ServicesFixture shipped(Path data) throws Exception {
        return new ServicesFixture(TestGateway.shippedConfig(), data, TestGateway.CLOCK);
    }

    /** Dials a code and returns the last screen, asserting the dialogue ended there (op 17). */
    String dial(String from, String code) throws Exception {
        ussdc.dial(from, code, REF);
        return end(ussdc.next(), from);
    }

    /** Answers a screen (op 18) and returns the next one with its op. */
    DeliverSm answer(String from, String text) throws Exception {
        ussdc.answer(from, text, REF);
        DeliverSm pdu = ussdc.next();
        assertNotNull(pdu, "no USSD screen came after the answer " + text);
        return pdu;
    }

    static String end(DeliverSm pdu, String to) {
        assertNotNull(pdu, "no USSD screen came");
        assertEquals(17, TestPeer.opOf(pdu), "not a final screen: " + TestPeer.textOf(pdu));
        return TestPeer.textOf(pdu);
    }

    /** Sends an SMS to a short number and returns the reply. */
    String sms(String from, String to, String text) throws Exception {
        ussdc.sms(from, to, text);
        DeliverSm reply = ussdc.next();
        assertNotNull(reply, "no reply to " + text);
        return TestPeer.textOf(reply);
    }

    /** The next SMS the outbox sent to the SMSC. */
    DeliverSm outboxSms() throws Exception {
        DeliverSm sms = smsc.next();
        assertNotNull(sms, "no SMS came from the outbox");
        return sms;
    }

    /** Asserts the outbox sends nothing (more) to the SMSC. */
    void noOutboxSms() throws Exception {
        DeliverSm sms = smsc.nextWithin(300);
        assertNull(sms, () -> "an unexpected SMS to " + sms.getDestAddress() + ": " + TestPeer.textOf(sms));
    }

    Subscriber subscriber(String msisdn) throws Exception {
        return gateway.store().read(Subscribers.TABLE, msisdn).orElseThrow();
    }

    /** The charge events the billing hook wrote today, waiting for at least {@code count}. */
    List<String> charges(int count) throws Exception {
        Path file = JsonLinesHook.fileOf(data, LocalDate.of(2026, 11, 23));
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 100 && lines.size() < count; i++) {
            lines = Files.exists(file) ? Files.readAllLines(file) : List.of();
            Thread.sleep(lines.size() < count ? 50 : 0);
        }
        return lines;
    }

    @Override
    public void close() throws Exception {
        smsc.close();
        ussdc.close();
        gateway.close();
    }
}
