package org.starhash.gateway;

import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.Command;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.OptionalParameter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.starhash.billing.JsonLinesHook;
import org.starhash.gateway.store.Subscriber;
import org.starhash.gateway.store.Subscribers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A real gateway on loopback with a real store, driven by jsmpp's client and by raw PDUs. */
class GatewayEndToEndTest {

    @TempDir
    Path data;
    private Gateway gateway;

    @BeforeEach
    void start() throws Exception {
        gateway = TestGateway.start(data);
    }

    @AfterEach
    void stop() throws IOException {
        gateway.close();
    }

    @Test
    void bindWithAWrongPasswordIsRefused() {
        Exception e = assertThrows(IOException.class, () -> TestPeer.bind(gateway, BindType.BIND_TRX, "ussdc", "nope"));
        assertEquals(SMPPConstant.STAT_ESME_RINVPASWD, TestPeer.statusOf(e));
    }

    @Test
    void bindWithAnUnknownSystemIdIsRefused() {
        Exception e = assertThrows(IOException.class, () -> TestPeer.bind(gateway, BindType.BIND_TX, "stranger", "ussdpw"));
        assertEquals(SMPPConstant.STAT_ESME_RINVSYSID, TestPeer.statusOf(e));
    }

    @Test
    void prepaidDialsStarOneTwoThreeAndSeesTheBalance() throws Exception {
        try (TestPeer peer = TestPeer.transceiver(gateway)) {
            peer.dial("070000001", "*123#", (short) 4242);
            DeliverSm screen = peer.next();
            assertNotNull(screen, "no USSD answer");
            assertEquals("Stanje na vašem računu je 12,50 EUR.", TestPeer.textOf(screen));
            assertEquals("070000001", screen.getDestAddress());
            assertEquals("*123#", screen.getSourceAddr());
            assertEquals(17, ((OptionalParameter.Byte) screen.getOptionalParameter(OptionalParameter.Tag.USSD_SERVICE_OP)).getValue());
            assertEquals(4242, ((OptionalParameter.Short) screen.getOptionalParameter(
                    OptionalParameter.Tag.USER_MESSAGE_REFERENCE)).getValue());
        }
    }

    @Test
    void postpaidDialsStarOneTwoThreeAndSeesPackageAndExtraSpend() throws Exception {
        try (TestPeer peer = TestPeer.transceiver(gateway)) {
            peer.dial("+38641000001", "*123#", (short) 1);
            assertEquals("V paketu vam ostaja 750 min, 880 SMS in 7168 MB. Dodatna poraba v tem mesecu: 7,35 EUR.",
                    TestPeer.textOf(peer.next()));
        }
    }

    @Test
    void porabaInAnyCaseAnswersTheExtraSpendAndTakesTheMoFromThePackage() throws Exception {
        try (TestPeer peer = TestPeer.transceiver(gateway)) {
            String messageId = peer.sms("041000001", "7070", "Poraba");
            assertNotNull(messageId);
            DeliverSm reply = peer.next();
            assertEquals("Vaša informativna dodatna poraba v mesecu 11/2026 je 7,35 EUR.", TestPeer.textOf(reply));
            assertEquals("7070", reply.getSourceAddr());
            assertNull(reply.getOptionalParameter(OptionalParameter.Tag.USSD_SERVICE_OP), "an SMS reply is no USSD");
        }
        Path charges = JsonLinesHook.fileOf(data, LocalDate.of(2026, 11, 23));
        List<String> lines = waitForLines(charges, 1);
        assertTrue(lines.get(0).contains("\"msisdn\":\"38641000001\""), lines.get(0));
        assertTrue(lines.get(0).contains("\"service\":\"sms:7070:PORABA\""), lines.get(0));
        assertTrue(lines.get(0).contains("\"units\":1,\"amountCents\":0"), lines.get(0));
        Subscriber after = gateway.store().read(Subscribers.TABLE, "38641000001").orElseThrow();
        assertEquals(121, after.used().sms(), "the MO is one SMS of the package (120 were used)");
        assertEquals(735, after.extraSpendCents(), "nothing goes on the bill while the package lasts");
    }

    private static List<String> waitForLines(Path file, int count) throws Exception {
        for (int i = 0; i < 100; i++) {
            if (Files.exists(file)) {
                List<String> lines = Files.readAllLines(file);
                if (lines.size() >= count) {
                    return lines;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the billing file " + file + " did not get " + count + " lines");
    }

    @Test
    void anUnknownCodeGetsAClearText() throws Exception {
        try (TestPeer peer = TestPeer.transceiver(gateway)) {
            peer.dial("070000001", "*999#", (short) 7);
            assertEquals("Koda *999# ne obstaja.", TestPeer.textOf(peer.next()));
            peer.dial("070000001", "*12a#", (short) 8);
            assertEquals("Niz *12a# ni pravilna koda. Koda se začne z * in konča z #, na primer *123#.",
                    TestPeer.textOf(peer.next()));
        }
    }

    @Test
    void anUnknownShortNumberAndAnUnknownKeywordGetClearTexts() throws Exception {
        try (TestPeer peer = TestPeer.transceiver(gateway)) {
            peer.sms("041000001", "7071", "PORABA");
            assertEquals("Na številko 7071 ni mogoče pošiljati sporočil.", TestPeer.textOf(peer.next()));
            peer.sms("041000001", "7070", "STANJE");
            assertEquals("Neznana ključna beseda. Na 7070 lahko pošljete: GPRS TUJINA, LIMIT, NEURJE, POLNI, PORABA.", TestPeer.textOf(peer.next()));
        }
    }

    @Test
    void aNumberOutsideTheNetworkIsToldSo() throws Exception {
        try (TestPeer peer = TestPeer.transceiver(gateway)) {
            peer.dial("041999999", "*123#", (short) 1);
            assertEquals("Številka 38641999999 ni naročnik našega omrežja.", TestPeer.textOf(peer.next()));
        }
    }

    @Test
    void theReplyGoesToAReceiverBindOfTheSameAccount() throws Exception {
        try (TestPeer receiver = TestPeer.bind(gateway, BindType.BIND_RX, "smsc", "smscpw");
             TestPeer transmitter = TestPeer.bind(gateway, BindType.BIND_TX, "smsc", "smscpw");
             TestPeer otherAccount = TestPeer.bind(gateway, BindType.BIND_RX, "ussdc", "ussdpw")) {
            transmitter.sms("041000001", "7070", "PORABA");
            DeliverSm reply = receiver.next();
            assertNotNull(reply, "the receiver bind got no reply");
            assertTrue(TestPeer.textOf(reply).contains("7,35 EUR"));
            assertNull(otherAccount.nextWithin(300), "another account's bind must not get the reply");
        }
    }

    @Test
    void aSubmitOnAReceiverBindIsRefused() throws Exception {
        try (RawSmppConnection raw = new RawSmppConnection(gateway)) {
            raw.send(RawSmppConnection.COMPOSER.bind(SMPPConstant.CID_BIND_RECEIVER, 1, "smsc", "smscpw", "",
                    (byte) 0x34, (byte) 0, (byte) 0, null));
            assertEquals(SMPPConstant.STAT_ESME_ROK, raw.readHeader().getCommandStatus());
            raw.send(porabaSubmit(2));
            Command resp = raw.readHeader();
            assertEquals(SMPPConstant.CID_SUBMIT_SM_RESP, resp.getCommandId());
            assertEquals(SMPPConstant.STAT_ESME_RINVBNDSTS, resp.getCommandStatus());
        }
    }

    private static byte[] porabaSubmit(int sequence) throws Exception {
        return RawSmppConnection.COMPOSER.submitSm(sequence, "", (byte) 0, (byte) 0, "041000001", (byte) 0, (byte) 0,
                "7070", (byte) 0, (byte) 0, (byte) 0, null, null, (byte) 0, (byte) 0, (byte) 0, (byte) 0,
                "PORABA".getBytes());
    }

    @Test
    void aPduBeforeBindIsRefusedWithInvalidBindStatus() throws Exception {
        try (RawSmppConnection raw = new RawSmppConnection(gateway)) {
            raw.send(porabaSubmit(7));
            Command resp = raw.readHeader();
            assertEquals(SMPPConstant.CID_SUBMIT_SM_RESP, resp.getCommandId());
            assertEquals(SMPPConstant.STAT_ESME_RINVBNDSTS, resp.getCommandStatus());
            assertEquals(7, resp.getSequenceNumber());
        }
    }

    @Test
    void enquireLinkIsAnsweredBeforeAndAfterBind() throws Exception {
        try (RawSmppConnection raw = new RawSmppConnection(gateway)) {
            raw.send(RawSmppConnection.COMPOSER.enquireLink(11));
            Command resp = raw.readHeader();
            assertEquals(SMPPConstant.CID_ENQUIRE_LINK_RESP, resp.getCommandId());
            assertEquals(11, resp.getSequenceNumber());
            raw.send(RawSmppConnection.COMPOSER.bind(SMPPConstant.CID_BIND_TRANSCEIVER, 12, "ussdc", "ussdpw", "",
                    (byte) 0x34, (byte) 0, (byte) 0, null));
            Command bound = raw.readHeader();
            assertEquals(SMPPConstant.CID_BIND_TRANSCEIVER_RESP, bound.getCommandId());
            assertEquals(SMPPConstant.STAT_ESME_ROK, bound.getCommandStatus());
            raw.send(RawSmppConnection.COMPOSER.enquireLink(13));
            assertEquals(13, raw.readHeader().getSequenceNumber());
            raw.send(RawSmppConnection.COMPOSER.bind(SMPPConstant.CID_BIND_TRANSCEIVER, 14, "ussdc", "ussdpw", "",
                    (byte) 0x34, (byte) 0, (byte) 0, null));
            assertEquals(SMPPConstant.STAT_ESME_RALYBND, raw.readHeader().getCommandStatus());
            raw.send(RawSmppConnection.COMPOSER.unbind(15));
            Command unbound = raw.readHeader();
            assertEquals(SMPPConstant.CID_UNBIND_RESP, unbound.getCommandId());
            assertTrue(raw.closedByPeer(), "the gateway closes after unbind");
        }
    }

    @Test
    void aBadCommandLengthGetsGenericNackAndTheConnectionIsClosed() throws Exception {
        try (RawSmppConnection raw = new RawSmppConnection(gateway)) {
            // command_length 8 is shorter than a header.
            raw.send(new byte[] {0, 0, 0, 8, 0, 0, 0, 0x15});
            Command nack = raw.readHeader();
            assertEquals(SMPPConstant.CID_GENERIC_NACK, nack.getCommandId());
            assertEquals(SMPPConstant.STAT_ESME_RINVCMDLEN, nack.getCommandStatus());
            assertTrue(raw.closedByPeer());
        }
        try (RawSmppConnection raw = new RawSmppConnection(gateway)) {
            // command_length of 1 MiB is over the 64 KiB frame limit.
            raw.send(new byte[] {0, 0x10, 0, 0, 0, 0, 0, 0x15, 0, 0, 0, 0, 0, 0, 0, 1});
            assertEquals(SMPPConstant.STAT_ESME_RINVCMDLEN, raw.readHeader().getCommandStatus());
            assertTrue(raw.closedByPeer());
        }
    }

    @Test
    void anUnknownCommandGetsGenericNackAndTheSessionGoesOn() throws Exception {
        try (RawSmppConnection raw = new RawSmppConnection(gateway)) {
            raw.send(RawSmppConnection.COMPOSER.composeHeader(0x00000077, 0, 21));
            Command nack = raw.readHeader();
            assertEquals(SMPPConstant.CID_GENERIC_NACK, nack.getCommandId());
            assertEquals(SMPPConstant.STAT_ESME_RINVCMDID, nack.getCommandStatus());
            assertEquals(21, nack.getSequenceNumber());
            raw.send(RawSmppConnection.COMPOSER.enquireLink(22));
            assertEquals(SMPPConstant.CID_ENQUIRE_LINK_RESP, raw.readHeader().getCommandId());
        }
    }

    @Test
    void aTruncatedSubmitBodyIsRefusedAndTheSessionGoesOn() throws Exception {
        try (RawSmppConnection raw = new RawSmppConnection(gateway)) {
            raw.send(RawSmppConnection.COMPOSER.bind(SMPPConstant.CID_BIND_TRANSCEIVER, 1, "ussdc", "ussdpw", "",
                    (byte) 0x34, (byte) 0, (byte) 0, null));
            raw.readHeader();
            // A submit_sm header with a body of three bytes: no room for its fields.
            raw.send(new byte[] {0, 0, 0, 19, 0, 0, 0, 4, 0, 0, 0, 0, 0, 0, 0, 2, 'a', 'b', 'c'});
            Command resp = raw.readHeader();
            assertEquals(SMPPConstant.CID_SUBMIT_SM_RESP, resp.getCommandId());
            assertTrue(resp.getCommandStatus() != SMPPConstant.STAT_ESME_ROK);
            raw.send(RawSmppConnection.COMPOSER.enquireLink(3));
            assertEquals(SMPPConstant.CID_ENQUIRE_LINK_RESP, raw.readHeader().getCommandId());
        }
    }
}
