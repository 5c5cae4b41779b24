package org.starhash.gateway;

import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.extra.NegativeResponseException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.starhash.gateway.config.GatewayConfig;
import org.starhash.gateway.smpp.SmppText;
import org.starhash.gateway.sms.Concatenation;
import org.starhash.gateway.sms.Gsm7;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.starhash.gateway.ServicesFixture.POSTPAID;
import static org.starhash.gateway.ServicesFixture.PREPAID;
import static org.starhash.gateway.ServicesFixture.PREPAID_INTL;

/**
 * SMS text as the network carries it: long replies as numbered parts with concatenation headers, GSM 7-bit or
 * UCS-2, transliteration, and long MO in parts (user data header or sar_* TLVs) joined before routing.
 */
class SmsTextEndToEndTest {

    /** 300 characters of GSM 7-bit, the reply to an unknown short number in these tests. */
    private static final String LONG_GSM = ("Na to stevilko ni mogoce posiljati sporocil. ").repeat(6) + "x".repeat(30);
    /** 150 characters that need UCS-2. */
    private static final String LONG_UCS2 = "Številka ni dosegljiva, poskusite čez čas. ".repeat(3) + "ž".repeat(21);
    private static final byte UDHI = 0x40;

    @TempDir
    Path data;
    private ServicesFixture net;

    private void start(UnaryOperator<String> edit) throws Exception {
        GatewayConfig config = TestGateway.editedConfig(data.resolve("config"), edit);
        net = new ServicesFixture(config, data.resolve("data"), TestGateway.CLOCK);
    }

    private static UnaryOperator<String> unknownNumberSays(String text) {
        return yaml -> yaml.replace("unknown_short_number: \"Na številko {to} ni mogoče pošiljati sporočil.\"",
                "unknown_short_number: \"" + text + "\"");
    }

    @AfterEach
    void stop() throws Exception {
        if (net != null) {
            net.close();
        }
    }

    /** The parts of one reply, in the order of their numbers (jsmpp may hand them over in another). */
    private List<DeliverSm> parts(int count) throws Exception {
        List<DeliverSm> parts = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            DeliverSm part = net.ussdc.nextPart();
            assertNotNull(part, "part " + (i + 1) + " did not come");
            parts.add(part);
        }
        assertNull(net.ussdc.nextWithin(300), "more parts came than expected");
        parts.sort(java.util.Comparator.comparingInt(p -> SmppText.concatenationOf(p).map(Concatenation::number).orElse(0)));
        return parts;
    }

    private static byte[] body(DeliverSm part) {
        byte[] raw = part.getShortMessage();
        return java.util.Arrays.copyOfRange(raw, Concatenation.header(raw).length(), raw.length);
    }

    @Test
    void a300CharacterReplyArrivesAsTwoCorrectlyNumberedParts() throws Exception {
        start(unknownNumberSays(LONG_GSM));
        net.ussdc.sms(PREPAID, "9999", "HELLO");
        List<DeliverSm> parts = parts(2);
        int reference = -1;
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < 2; i++) {
            DeliverSm part = parts.get(i);
            assertEquals(UDHI, part.getEsmClass() & UDHI, "a part says it carries a header");
            assertEquals(0, part.getDataCoding(), "GSM 7-bit");
            Concatenation c = Concatenation.header(part.getShortMessage()).concatenation().orElseThrow();
            assertEquals(2, c.total());
            assertEquals(i + 1, c.number());
            reference = i == 0 ? c.reference() : reference;
            assertEquals(reference, c.reference(), "both parts carry one reference");
            joined.append(Gsm7.decode(body(part), 0, body(part).length));
        }
        assertEquals(153, body(parts.get(0)).length, "a part holds 153 septets");
        assertEquals(147, body(parts.get(1)).length);
        assertEquals(LONG_GSM, joined.toString());
    }

    @Test
    void aUcs2ReplyIsSplitAtSixtySevenCharacters() throws Exception {
        start(unknownNumberSays(LONG_UCS2));
        net.ussdc.sms(PREPAID, "9999", "HELLO");
        List<DeliverSm> parts = parts(3);
        StringBuilder joined = new StringBuilder();
        for (DeliverSm part : parts) {
            assertEquals(8, part.getDataCoding(), "UCS-2");
            joined.append(new String(body(part), StandardCharsets.UTF_16BE));
        }
        assertEquals(134, body(parts.get(0)).length, "67 characters of two octets");
        assertEquals(134, body(parts.get(1)).length);
        assertEquals(32, body(parts.get(2)).length, "the 16 left");
        assertEquals(LONG_UCS2, joined.toString());
    }

    @Test
    void transliterationTurnsTheSameReplyIntoGsm7() throws Exception {
        start(yaml -> unknownNumberSays(LONG_UCS2).apply(yaml).replace("transliterate: false", "transliterate: true"));
        net.ussdc.sms(PREPAID, "9999", "HELLO");
        DeliverSm reply = parts(1).get(0);
        assertEquals(0, reply.getDataCoding(), "150 characters without č, š, ž fit one GSM 7-bit SMS");
        assertEquals(LONG_UCS2.replace('Š', 'S').replace('č', 'c').replace('ž', 'z'), TestPeer.textOf(reply));
    }

    @Test
    void aMoInThreePartsIsRoutedOnceAndChargedAsThreeSms() throws Exception {
        start(UnaryOperator.identity());
        String[] pieces = {"GPRS", " TUJ", "INA"};
        for (int number : new int[] {3, 1, 2}) {
            byte[] text = Gsm7.encode(pieces[number - 1]);
            byte[] message = new byte[6 + text.length];
            System.arraycopy(new byte[] {5, 0, 3, 42, 3, (byte) number}, 0, message, 0, 6);
            System.arraycopy(text, 0, message, 6, text.length);
            assertNotNull(net.ussdc.submit(PREPAID, "7070", UDHI, message, (byte) 0), "every part is taken");
        }
        DeliverSm reply = net.ussdc.next();
        assertNotNull(reply);
        assertTrue(TestPeer.textOf(reply).startsWith("Limit prenosa podatkov v tujini je za 11/2026 povečan"), TestPeer.textOf(reply));
        assertNull(net.ussdc.nextWithin(500), "the message is routed once");
        List<String> charges = net.charges(1);
        assertEquals(1, charges.size(), charges.toString());
        assertTrue(charges.get(0).contains("\"units\":3,\"amountCents\":27"), charges.get(0));
        assertEquals(1250 - 27, net.subscriber(PREPAID_INTL).balanceCents());
    }

    @Test
    void partsNamedBySarTlvsAreJoinedToo() throws Exception {
        start(UnaryOperator.identity());
        byte[] first = "NEURJE ".getBytes(StandardCharsets.UTF_16BE);
        byte[] second = "Žalec".getBytes(StandardCharsets.UTF_16BE);
        net.ussdc.submit(POSTPAID, "7070", (byte) 0, first, (byte) 8, new OptionalParameter.Sar_msg_ref_num((short) 300),
                new OptionalParameter.Sar_total_segments((byte) 2), new OptionalParameter.Sar_segment_seqnum((byte) 1));
        net.ussdc.submit(POSTPAID, "7070", (byte) 0, second, (byte) 8, new OptionalParameter.Sar_msg_ref_num((short) 300),
                new OptionalParameter.Sar_total_segments((byte) 2), new OptionalParameter.Sar_segment_seqnum((byte) 2));
        assertEquals("Prijavljeni ste na obvestila o neurju za kraj Žalec. Odjava: NEURJE Žalec STOP na 7070.",
                TestPeer.textOf(net.ussdc.next()));
    }

    @Test
    void partsThatNeverCompleteAreDroppedAfterTheTimeout() throws Exception {
        start(yaml -> yaml.replace("concat_timeout_seconds: 60", "concat_timeout_seconds: 1"));
        byte[] part1 = {5, 0, 3, 7, 2, 1, 'P', 'O', 'R'};
        byte[] part2 = {5, 0, 3, 7, 2, 2, 'A', 'B', 'A'};
        net.ussdc.submit(POSTPAID, "7070", UDHI, part1, (byte) 0);
        Thread.sleep(2500);
        net.ussdc.submit(POSTPAID, "7070", UDHI, part2, (byte) 0);
        assertNull(net.ussdc.nextWithin(700), "the first part was dropped, so the second waits alone");
        net.ussdc.submit(POSTPAID, "7070", UDHI, part1, (byte) 0);
        assertEquals("Vaša informativna dodatna poraba v mesecu 11/2026 je 7,35 EUR.", TestPeer.textOf(net.ussdc.next()),
                "sent again, the first part completes the message");
    }

    @Test
    void aBrokenHeaderIsRefusedWithAClearStatus() throws Exception {
        start(UnaryOperator.identity());
        byte[] broken = {9, 0, 3, 7};
        NegativeResponseException e = assertThrows(NegativeResponseException.class,
                () -> net.ussdc.submit(POSTPAID, "7070", UDHI, broken, (byte) 0));
        assertEquals(SMPPConstant.STAT_ESME_RINVESMCLASS, e.getCommandStatus());
        assertEquals("Vaša informativna dodatna poraba v mesecu 11/2026 je 7,35 EUR.", net.sms(POSTPAID, "7070", "PORABA"),
                "the bind goes on");
    }
}
