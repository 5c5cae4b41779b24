package org.starhash.gateway;

import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.Command;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.starhash.gateway.config.ConfigLoader;
import org.starhash.gateway.config.GatewayConfig;
import org.starhash.gateway.services.Services;
import org.starhash.gateway.store.Subscribers;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What happens to connections and data over time: idle peers, unbound peers, restarts. */
class SessionLifecycleTest {

    private static GatewayConfig withTimeouts(Path dir, int bindSeconds, int idleSeconds) throws Exception {
        return TestGateway.editedConfig(dir.resolve("config"), yaml -> yaml
                .replace("bind_timeout_seconds: 10", "bind_timeout_seconds: " + bindSeconds)
                .replace("idle_timeout_seconds: 120", "idle_timeout_seconds: " + idleSeconds)
                .replace("seed_subscribers: subscribers.csv", ""));
    }

    @Test
    void anIdleBoundPeerIsUnbound(@TempDir Path dir) throws Exception {
        try (Gateway gateway = TestGateway.start(withTimeouts(dir, 10, 1), dir.resolve("data"));
             RawSmppConnection raw = new RawSmppConnection(gateway)) {
            raw.send(RawSmppConnection.COMPOSER.bind(SMPPConstant.CID_BIND_TRANSCEIVER, 1, "ussdc", "ussdpw", "",
                    (byte) 0x34, (byte) 0, (byte) 0, null));
            assertEquals(SMPPConstant.STAT_ESME_ROK, raw.readHeader().getCommandStatus());
            Command unbind = raw.readHeader();
            assertEquals(SMPPConstant.CID_UNBIND, unbind.getCommandId());
            raw.send(RawSmppConnection.COMPOSER.unbindResp(SMPPConstant.STAT_ESME_ROK, unbind.getSequenceNumber()));
            assertTrue(raw.closedByPeer());
        }
    }

    @Test
    void aConnectionThatNeverBindsIsClosed(@TempDir Path dir) throws Exception {
        try (Gateway gateway = TestGateway.start(withTimeouts(dir, 1, 120), dir.resolve("data"));
             RawSmppConnection raw = new RawSmppConnection(gateway)) {
            assertTrue(raw.closedByPeer());
        }
    }

    @Test
    void aRestartKeepsTheStoreAndDoesNotSeedAgain(@TempDir Path dir) throws Exception {
        try (Gateway gateway = TestGateway.start(dir)) {
            assertEquals(4, gateway.store().size(Subscribers.TABLE));
            gateway.store().submit(tx -> {
                tx.remove(Subscribers.TABLE, "38670000002");
                return null;
            }).get();
        }
        try (Gateway gateway = TestGateway.start(dir)) {
            assertEquals(3, gateway.store().size(Subscribers.TABLE), "the store is not empty, so no seeding");
        }
    }

    @Test
    void aSecondGatewayOnTheSameDataIsRefused(@TempDir Path dir) throws Exception {
        try (Gateway first = TestGateway.start(dir)) {
            Exception e = assertThrows(Exception.class, () -> TestGateway.start(dir));
            assertTrue(e.getMessage().contains("in use by another starhash process"), e.getMessage());
        }
    }

    @Test
    void aPortInUseIsReportedWithTheAddress(@TempDir Path dir) throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            GatewayConfig config = TestGateway.shippedConfig().withPorts(taken.getLocalPort(), -1);
            Exception e = assertThrows(Exception.class, () -> Gateway.start(config, dir, TestGateway.CLOCK));
            assertTrue(e.getMessage().startsWith("cannot listen for SMPP on 127.0.0.1:" + taken.getLocalPort()), e.getMessage());
        }
        try (Gateway again = TestGateway.start(dir)) {
            assertEquals(4, again.store().size(Subscribers.TABLE), "a failed start leaves the data usable");
        }
    }
}
