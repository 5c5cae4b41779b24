package org.starhash.gateway;

import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.BindType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A receiver bind that never reads its socket while MOs of the same account come in on a transmitter: the
 * answers queue only up to the high-water mark, then the MOs are throttled before any work, and they are taken
 * again as soon as a bind that reads is there.
 */
class SlowConsumerEndToEndTest {

    @TempDir
    Path data;
    private Gateway gateway;

    @BeforeEach
    void start() throws Exception {
        gateway = TestGateway.start(data);
    }

    @AfterEach
    void stop() throws Exception {
        gateway.close();
    }

    @Test
    void aReceiverThatNeverReadsThrottlesTheMosWhoseAnswersGoToIt() throws Exception {
        try (RawSmppConnection deaf = new RawSmppConnection(gateway, 4096);
             TestPeer sender = TestPeer.bind(gateway, BindType.BIND_TX, "ussdc", "ussdpw")) {
            deaf.send(RawSmppConnection.COMPOSER.bind(SMPPConstant.CID_BIND_RECEIVER, 1, "ussdc", "ussdpw", "",
                    (byte) 0x34, (byte) 0, (byte) 0, null));
            assertEquals(SMPPConstant.STAT_ESME_ROK, deaf.readHeader().getCommandStatus());
            // From here on the receiver reads nothing.
            int taken = 0;
            int throttled = 0;
            long deadline = System.currentTimeMillis() + 60_000;
            while (throttled == 0 && taken < 60_000 && System.currentTimeMillis() < deadline) {
                try {
                    sender.sms("38641000001", "7070", "PORABA");
                    taken++;
                } catch (Exception e) {
                    assertEquals(SMPPConstant.STAT_ESME_RTHROTTLED, TestPeer.statusOf(e));
                    throttled++;
                }
            }
            assertTrue(throttled > 0, taken + " MOs were taken for a receiver that reads nothing, none throttled");
            // Our 256 KiB mark and the kernel's socket buffers (a few MB on loopback) hold the answers taken.
            assertTrue(taken < 40_000, taken + " answers queued for a receiver that reads nothing");
            System.out.println("slow consumer: " + taken + " MOs taken before the first ESME_RTHROTTLED");
            // A receiver that reads binds: the account's MOs are taken again.
            try (TestPeer reader = TestPeer.bind(gateway, BindType.BIND_RX, "ussdc", "ussdpw")) {
                sender.sms("38641000001", "7070", "PORABA");
                // The thousands of MOs before used the package up, so the extra spend has grown: only the start is known.
                assertTrue(TestPeer.textOf(reader.next()).startsWith("Vaša informativna dodatna poraba"));
            }
        }
    }

    @Test
    void aTransceiverThatWritesAndNeverReadsStopsBeingRead() throws Exception {
        java.util.concurrent.atomic.AtomicLong written = new java.util.concurrent.atomic.AtomicLong();
        try (RawSmppConnection deaf = new RawSmppConnection(gateway, 4096)) {
            deaf.send(RawSmppConnection.COMPOSER.bind(SMPPConstant.CID_BIND_TRANSCEIVER, 1, "ussdc", "ussdpw", "",
                    (byte) 0x34, (byte) 0, (byte) 0, null));
            assertEquals(SMPPConstant.STAT_ESME_ROK, deaf.readHeader().getCommandStatus());
            Thread writer = new Thread(() -> {
                try {
                    for (int seq = 2; seq < 5_000_000; seq++) {
                        deaf.send(RawSmppConnection.COMPOSER.submitSm(seq, "", (byte) 0, (byte) 0, "041000001", (byte) 0,
                                (byte) 0, "7070", (byte) 0, (byte) 0, (byte) 0, null, null, (byte) 0, (byte) 0, (byte) 0,
                                (byte) 0, "PORABA".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
                        written.incrementAndGet();
                    }
                } catch (Exception closed) {
                    // the connection was closed at the end of the test
                }
            }, "deaf-writer");
            writer.setDaemon(true);
            writer.start();
            // The gateway stops reading it once our answers to it pass the mark; then its writes block.
            long before;
            long after = written.get();
            long deadline = System.currentTimeMillis() + 30_000;
            do {
                before = after;
                Thread.sleep(2_000);
                after = written.get();
            } while (after != before && System.currentTimeMillis() < deadline);
            assertEquals(before, after, "the gateway kept reading a peer that reads nothing: " + after + " MOs written");
            System.out.println("slow consumer: a transceiver that never reads was stopped after " + after + " MOs");
            // Other peers are served meanwhile.
            try (TestPeer other = TestPeer.transceiver(gateway)) {
                other.sms("38670000001", "7070", "PORABA");
                assertTrue(TestPeer.textOf(other.next()).contains("12,"), "another peer was not answered");
            }
        }
    }

}
