package org.starhash.gateway;

import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.DeliverSm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.starhash.gateway.store.Outbox;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
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
}
