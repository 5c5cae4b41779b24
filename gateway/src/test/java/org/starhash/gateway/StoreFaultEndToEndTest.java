package org.starhash.gateway;

import org.jsmpp.bean.DeliverSm;
import org.jsmpp.SMPPConstant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.starhash.gateway.store.FaultyDisk;
import org.starhash.gateway.store.Subscriber;
import org.starhash.gateway.store.Subscribers;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a handset and the SMSC see while the disk is full: an MO that would change something is refused with
 * ESME_RSYSERR and changes nothing, a balance query and a menu screen are still answered, and once space is
 * free the gateway takes changes again by itself, with no restart.
 */
class StoreFaultEndToEndTest {

    private static final String POSTPAID = "38641000001";
    private static final String PREPAID = "38670000001";
    private static final short REF = 7;

    @TempDir
    Path data;
    private Gateway gateway;
    private TestPeer peer;

    @AfterEach
    void stop() throws Exception {
        if (peer != null) {
            peer.close();
        }
        if (gateway != null) {
            gateway.close();
        }
    }

    private long usedSms() {
        return gateway.store().read(Subscribers.TABLE, POSTPAID).map(s -> s.used().sms()).orElseThrow();
    }

    @Test
    void aFullDiskRefusesChangesAnswersQueriesAndRecoversWithoutARestart() throws Exception {
        FaultyDisk disk = new FaultyDisk();
        gateway = Gateway.start(TestGateway.shippedConfig().withPorts(0, -1), data, TestGateway.CLOCK, disk);
        peer = TestPeer.transceiver(gateway);
        peer.sms(POSTPAID, "7070", "PORABA");
        assertTrue(TestPeer.textOf(peer.next()).contains("7,35"));
        long used = usedSms();

        disk.spaceLeft(0);
        Exception refused = assertThrows(Exception.class, () -> peer.sms(POSTPAID, "7070", "PORABA"));
        assertEquals(SMPPConstant.STAT_ESME_RSYSERR, TestPeer.statusOf(refused));
        assertEquals(used, usedSms(), "a refused MO was charged");

        peer.dial(PREPAID, "*123#", REF);
        DeliverSm balance = peer.next();
        assertNotNull(balance, "no answer to *123# while the disk is full");
        assertEquals("Stanje na vašem računu je 12,50 EUR.", TestPeer.textOf(balance));
        peer.dial(POSTPAID, "*122#", REF);
        DeliverSm menu = peer.next();
        assertNotNull(menu, "no menu screen while the disk is full");
        assertEquals(2, TestPeer.opOf(menu), TestPeer.textOf(menu));

        disk.heal();
        long deadline = System.currentTimeMillis() + 15_000;
        boolean taken = false;
        while (!taken && System.currentTimeMillis() < deadline) {
            try {
                peer.sms(POSTPAID, "7070", "PORABA");
                taken = true;
            } catch (Exception e) {
                assertEquals(SMPPConstant.STAT_ESME_RSYSERR, TestPeer.statusOf(e));
                Thread.sleep(50);
            }
        }
        assertTrue(taken, "the gateway did not take changes again after space was freed");
        assertTrue(TestPeer.textOf(peer.next()).contains("7,35"));
        assertEquals(used + 1, usedSms(), "the MO after the fault was not charged once");
        Subscriber after = gateway.store().read(Subscribers.TABLE, POSTPAID).orElseThrow();
        assertEquals(735, after.extraSpendCents());
    }
}
