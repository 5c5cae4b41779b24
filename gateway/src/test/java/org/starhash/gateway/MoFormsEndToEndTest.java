package org.starhash.gateway;

import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.Command;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.util.DefaultDecomposer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.starhash.gateway.config.GatewayConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** The other shapes an MO takes: deliver_sm from a USSD centre, data_sm, UCS-2 text, message_payload. */
class MoFormsEndToEndTest {

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
    void aUssdCentreSendingDeliverSmGetsTheAnswerAsSubmitSmWithItsSessionInfo() throws Exception {
        GatewayConfig config = TestGateway.editedConfig(data.resolve("config"), yaml -> yaml.replace(
                "dialogue_reference: user_message_reference", "dialogue_reference: its_session_info"));
        try (Gateway itsGateway = TestGateway.start(config, data.resolve("its-data"));
             RawSmppConnection raw = new RawSmppConnection(itsGateway)) {
            raw.send(RawSmppConnection.COMPOSER.bind(SMPPConstant.CID_BIND_TRANSCEIVER, 1, "ussdc", "ussdpw", "",
                    (byte) 0x34, (byte) 0, (byte) 0, null));
            assertEquals(SMPPConstant.STAT_ESME_ROK, raw.readHeader().getCommandStatus());
            raw.send(RawSmppConnection.COMPOSER.deliverSm(2, "USSD", (byte) 1, (byte) 1, "38670000001", (byte) 0,
                    (byte) 0, "123", (byte) 0, (byte) 0, (byte) 0, (byte) 0, (byte) 0,
                    "*123#".getBytes(StandardCharsets.US_ASCII),
                    new OptionalParameter.Ussd_service_op((byte) 1), new OptionalParameter.Its_session_info((short) 0x0a01)));
            Command resp = raw.readHeader();
            assertEquals(SMPPConstant.CID_DELIVER_SM_RESP, resp.getCommandId());
            assertEquals(SMPPConstant.STAT_ESME_ROK, resp.getCommandStatus());
            assertEquals(2, resp.getSequenceNumber());
            SubmitSm answer = new DefaultDecomposer().submitSm(raw.read());
            assertEquals("USSD", answer.getServiceType());
            assertEquals("38670000001", answer.getDestAddress());
            assertEquals(1, answer.getDestAddrTon(), "the subscriber's address keeps the TON it came with");
            assertEquals("123", answer.getSourceAddr());
            assertEquals("Stanje na vašem računu je 12,50 EUR.",
                    new String(answer.getShortMessage(), StandardCharsets.UTF_16BE));
            assertEquals(8, answer.getDataCoding());
            assertEquals(17, ((OptionalParameter.Byte) answer.getOptionalParameter(OptionalParameter.Tag.USSD_SERVICE_OP)).getValue());
            assertEquals(0x0a01, ((OptionalParameter.Short) answer.getOptionalParameter(OptionalParameter.Tag.ITS_SESSION_INFO)).getValue());
        }
    }

    @Test
    void dataSmWithMessagePayloadIsAnsweredWithDeliverSm() throws Exception {
        try (TestPeer peer = TestPeer.transceiver(gateway)) {
            peer.session.dataShortMessage("", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, "041000001",
                    TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, "7070", new ESMClass(), new RegisteredDelivery(),
                    DataCodings.ZERO, new OptionalParameter.OctetString(OptionalParameter.Tag.MESSAGE_PAYLOAD.code(), "poraba"));
            DeliverSm reply = peer.next();
            assertNotNull(reply);
            assertEquals("Vaša informativna dodatna poraba v mesecu 11/2026 je 7,35 EUR.", TestPeer.textOf(reply));
        }
    }

    @Test
    void aUcs2KeywordIsReadAsUcs2() throws Exception {
        try (TestPeer peer = TestPeer.transceiver(gateway)) {
            peer.submit("", "041000001", "7070", "Porába".getBytes(StandardCharsets.UTF_16BE), (byte) 8);
            assertEquals("Vaša informativna dodatna poraba v mesecu 11/2026 je 7,35 EUR.", TestPeer.textOf(peer.next()));
        }
    }

    @Test
    void anAnswerToNoOpenDialogueIsToldTheSessionExpired() throws Exception {
        try (TestPeer peer = TestPeer.transceiver(gateway)) {
            peer.submit("USSD", "070000001", "*123#", "1".getBytes(StandardCharsets.US_ASCII), (byte) 0,
                    new OptionalParameter.Ussd_service_op((byte) 18));
            DeliverSm screen = peer.next();
            assertEquals("Seja je potekla. Prosimo, pokličite kodo znova.", TestPeer.textOf(screen));
            assertEquals(17, ((OptionalParameter.Byte) screen.getOptionalParameter(OptionalParameter.Tag.USSD_SERVICE_OP)).getValue());
        }
    }

    @Test
    void aSourceThatIsNoNumberIsRefusedWithInvalidSourceAddress() throws Exception {
        try (TestPeer peer = TestPeer.transceiver(gateway)) {
            Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                    () -> peer.sms("MARKETING", "7070", "PORABA"));
            assertEquals(SMPPConstant.STAT_ESME_RINVSRCADR,
                    ((org.jsmpp.extra.NegativeResponseException) e).getCommandStatus());
        }
    }
}
