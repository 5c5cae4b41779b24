package org.starhash.gateway;

import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.DeliverSm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.starhash.gateway.config.GatewayConfig;
import org.starhash.gateway.store.Outbox;
import org.starhash.gateway.values.OutboxMessage;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.starhash.gateway.ServicesFixture.POSTPAID;
import static org.starhash.gateway.ServicesFixture.PREPAID_INTL;

/** The outbox keeps an SMS to another handset until an SMSC took it: across a restart, and through refusals. */
class OutboxEndToEndTest {

    @TempDir
    Path data;

    private static int stored(Gateway gateway) {
        return gateway.store().size(Outbox.TABLE);
    }

    private static void awaitEmptyOutbox(Gateway gateway) throws InterruptedException {
        for (int i = 0; i < 100 && stored(gateway) > 0; i++) {
            Thread.sleep(50);
        }
        assertEquals(0, stored(gateway), "a delivered message is removed from the outbox");
    }

    @Test
    void anSmsNoBindCouldTakeIsDeliveredAfterARestartOnce() throws Exception {
        try (Gateway gateway = TestGateway.start(data); TestPeer ussdc = TestPeer.transceiver(gateway)) {
            ussdc.dial(POSTPAID, "*123*5*070000001#", (short) 1);
            assertNotNull(ussdc.next(), "the sender's confirmation");
            assertNull(ussdc.nextWithin(300), "an SMS for the SMSC never goes to the USSD centre");
            assertEquals(1, stored(gateway), "with no SMSC bound the SMS waits in the outbox");
        }
        try (Gateway gateway = TestGateway.start(data); TestPeer smsc = TestPeer.smsc(gateway)) {
            DeliverSm sms = smsc.next();
            assertNotNull(sms, "the SMS left in the outbox is sent after the restart");
            assertEquals(PREPAID_INTL, sms.getDestAddress());
            assertEquals("Uporabnik 041000001 vam je s Polni zame napolnil račun z 5,00 EUR. Stanje: 17,50 EUR.",
                    TestPeer.textOf(sms));
            awaitEmptyOutbox(gateway);
            assertNull(smsc.nextWithin(1500), "and only once");
        }
        try (Gateway gateway = TestGateway.start(data); TestPeer smsc = TestPeer.smsc(gateway)) {
            assertNull(smsc.nextWithin(1000), "a delivered SMS is not sent again at the next start");
        }
    }

    @Test
    void anSmsTheSmscRefusesIsRetriedUntilItTakesIt() throws Exception {
        try (ServicesFixture net = ServicesFixture.shipped(data)) {
            net.smsc.refuseNext(2, SMPPConstant.STAT_ESME_RMSGQFUL);
            net.dial(POSTPAID, "*124*070000001#");
            DeliverSm sms = net.smsc.nextWithin(10_000);
            assertNotNull(sms, "the refused SMS is sent again after a back-off");
            assertEquals("Prosim, pokliči me!", TestPeer.textOf(sms));
            awaitEmptyOutbox(net.gateway);
            net.noOutboxSms();
        }
    }

    @Test
    void aReceiverThatStopsAnsweringIsPassedOverWhileAnotherAnswers() throws Exception {
        GatewayConfig config = TestGateway.editedConfig(data.resolve("config"),
                c -> c.replace("response_timeout_seconds: 10", "response_timeout_seconds: 1"));
        try (Gateway gateway = TestGateway.start(config, data.resolve("run"));
             RawSmppConnection deaf = new RawSmppConnection(gateway)) {
            deaf.send(RawSmppConnection.COMPOSER.bind(SMPPConstant.CID_BIND_RECEIVER, 1, "smsc", "smscpw", "",
                    (byte) 0x34, (byte) 0, (byte) 0, null));
            assertEquals(SMPPConstant.STAT_ESME_ROK, deaf.readHeader().getCommandStatus());
            // From here on that receiver takes what it is sent and never answers.
            try (TestPeer smsc = TestPeer.smsc(gateway)) {
                List<OutboxMessage> messages = new ArrayList<>();
                for (int i = 0; i < 30; i++) {
                    messages.add(OutboxMessage.sms("notice-" + i, "7070", PREPAID_INTL, "Obvestilo " + i, Instant.now()));
                }
                gateway.store().submit(tx -> {
                    messages.forEach(m -> tx.insert(Outbox.TABLE, m.id(), m));
                    return null;
                }).get();
                gateway.outbox().offer(messages);
                Set<String> arrived = new HashSet<>();
                for (int i = 0; i < 30 && arrived.size() < 30; i++) {
                    DeliverSm sms = smsc.nextWithin(20_000);
                    assertNotNull(sms, "only " + arrived.size() + " of 30 reached the SMSC that answers");
                    arrived.add(TestPeer.textOf(sms));
                }
                assertEquals(30, arrived.size());
            }
            int sentToDeaf = 0;
            try {
                while (true) {
                    if (deaf.readHeader().getCommandId() == SMPPConstant.CID_DELIVER_SM) {
                        sentToDeaf++;
                    }
                }
            } catch (java.net.SocketTimeoutException nothingMore) {
                // all it was sent is read
            }
            // At most the window (10) in flight before its first timeouts, and the few sent as they came: after
            // three timeouts in a row it is passed over. Round robin alone would keep sending it half of every retry.
            assertTrue(sentToDeaf <= 12, "the receiver that never answers was sent " + sentToDeaf + " messages");
        }
    }
}
