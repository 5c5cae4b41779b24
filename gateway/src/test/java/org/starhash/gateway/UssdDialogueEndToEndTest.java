package org.starhash.gateway;

import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.OptionalParameter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.starhash.gateway.store.Flag;
import org.starhash.gateway.store.FlagSet;
import org.starhash.gateway.store.Flags;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** USSD dialogues with the shipped menus over SMPP: a real gateway on loopback, a real store, jsmpp as the USSD centre. */
class UssdDialogueEndToEndTest {

    private static final String PREPAID = "070000001";
    private static final String POSTPAID = "041000001";
    private static final short REF = 77;

    @TempDir
    Path data;
    private final MutableClock clock = new MutableClock(TestGateway.CLOCK.instant());
    private Gateway gateway;
    private TestPeer peer;

    @BeforeEach
    void start() throws Exception {
        gateway = Gateway.start(TestGateway.shippedConfig().withPorts(0, -1), data, clock);
        peer = TestPeer.transceiver(gateway);
    }

    @AfterEach
    void stop() throws IOException {
        peer.close();
        gateway.close();
    }

    /** The next screen; asserts it wants an answer (op 2) or ends the dialogue (op 17) as expected. */
    private String screen(boolean more) throws Exception {
        DeliverSm pdu = peer.next();
        assertNotNull(pdu, "no USSD screen came");
        assertEquals(more ? 2 : 17, TestPeer.opOf(pdu), "ussd_service_op of: " + TestPeer.textOf(pdu));
        assertEquals(REF, ((OptionalParameter.Short) pdu.getOptionalParameter(OptionalParameter.Tag.USER_MESSAGE_REFERENCE)).getValue());
        return TestPeer.textOf(pdu);
    }

    private FlagSet flags(String msisdn) throws Exception {
        return gateway.store().read(Flags.TABLE, msisdn).orElse(FlagSet.NONE);
    }

    @Test
    void walkingStarOneTwoTwoSwitchesMissedCallSmsOnAndTheMenuShowsIt() throws Exception {
        peer.dial(POSTPAID, "*122#", REF);
        assertEquals("Nastavitve\n1 SMS sporočila", screen(true));
        peer.answer(POSTPAID, "1", REF);
        assertEquals("SMS sporočila\n1 Pokliči nazaj\n2 Zgrešeni klic\n0 Nazaj", screen(true));
        peer.answer(POSTPAID, "2", REF);
        assertEquals("SMS zgrešeni klic: izklopljeno\n1 Vklop\n2 Izklop\n0 Nazaj", screen(true));
        peer.answer(POSTPAID, "1", REF);
        assertEquals("SMS zgrešeni klic je vklopljen.", screen(false));
        assertTrue(flags("38641000001").has(Flag.MISSED_CALL_SMS));
        assertFalse(flags("38641000001").has(Flag.CALLBACK_BLOCK));

        peer.dial(POSTPAID, "*122*1*2#", REF);
        assertEquals("SMS zgrešeni klic: vklopljeno\n1 Vklop\n2 Izklop\n0 Nazaj", screen(true));
        peer.answer(POSTPAID, "2", REF);
        assertEquals("SMS zgrešeni klic je izklopljen.", screen(false));
        assertFalse(flags("38641000001").has(Flag.MISSED_CALL_SMS));
    }

    @Test
    void chainedDiallingActsLikeAnsweringEachStep() throws Exception {
        peer.dial(PREPAID, "*122*1*1*1#", REF);
        assertEquals("Blokada je vklopljena. Sporočil \"Prosim, pokliči me!\" ne boste prejemali.", screen(false));
        assertTrue(flags("38670000001").has(Flag.CALLBACK_BLOCK));
        peer.dial(PREPAID, "*122*1*1#", REF);
        assertEquals("Blokada sporočil Pokliči nazaj: vklopljeno\n1 Vklop\n2 Izklop\n0 Nazaj", screen(true));
    }

    @Test
    void starOneTwoOneStarFourSwitchesDataInRoamingAndAbroadOnAtOnce() throws Exception {
        peer.dial(POSTPAID, "*121*4#", REF);
        assertEquals("Zapora prenosa podatkov v nacionalnem gostovanju in v tujini je vklopljena.", screen(false));
        FlagSet flags = flags("38641000001");
        assertTrue(flags.has(Flag.BAR_DATA_NATIONAL_ROAMING));
        assertTrue(flags.has(Flag.BAR_DATA_ABROAD));
        assertFalse(flags.has(Flag.BAR_DATA), "only data in roaming is barred");
    }

    @Test
    void theBarringsMenuIsPagedAndBackAndHomeNavigate() throws Exception {
        peer.dial(PREPAID, "*121#", REF);
        assertEquals("Zapore\n1 Številke 090\n2 Prenos podatkov\n3 Gostovanje v tujini\n98 Več", screen(true));
        peer.answer(PREPAID, "98", REF);
        assertEquals("4 Podatki v gostovanju\n5 Reklamna sporočila\n98 Več\n0 Nazaj", screen(true));
        peer.answer(PREPAID, "98", REF);
        assertEquals("6 Erotične vsebine\n7 Polni zame\n0 Nazaj", screen(true));
        peer.answer(PREPAID, "0", REF);
        assertEquals("4 Podatki v gostovanju\n5 Reklamna sporočila\n98 Več\n0 Nazaj", screen(true));
        peer.answer(PREPAID, "1", REF);
        assertEquals("Zapora 090 številk: vklopljeno\n1 Vklop\n2 Izklop\n0 Nazaj", screen(true),
                "prepaid users start with 090 numbers barred");
        peer.answer(PREPAID, "00", REF);
        assertEquals("Zapore\n1 Številke 090\n2 Prenos podatkov\n3 Gostovanje v tujini\n98 Več", screen(true));
        peer.answer(PREPAID, "1", REF);
        screen(true);
        peer.answer(PREPAID, "2", REF);
        assertEquals("Zapora klicev na 090 številke je izklopljena.", screen(false));
        assertFalse(flags("38670000001").has(Flag.BAR_PREMIUM));
    }

    @Test
    void aWrongChoiceShowsTheSameScreenWithAnErrorLine() throws Exception {
        peer.dial(POSTPAID, "*122*1#", REF);
        screen(true);
        peer.answer(POSTPAID, "7", REF);
        assertEquals("Napačna izbira.\n1 Pokliči nazaj\n2 Zgrešeni klic\n0 Nazaj", screen(true));
        peer.answer(POSTPAID, "abc", REF);
        assertEquals("Napačna izbira.\n1 Pokliči nazaj\n2 Zgrešeni klic\n0 Nazaj", screen(true));
        peer.answer(POSTPAID, "1", REF);
        assertEquals("Blokada sporočil Pokliči nazaj: izklopljeno\n1 Vklop\n2 Izklop\n0 Nazaj", screen(true));
        peer.dial(POSTPAID, "*122*5#", REF);
        assertEquals("Napačna izbira.\n1 SMS sporočila", screen(true), "a chained part that is no item stops there");
    }

    @Test
    void anAnswerAfterTheTimeoutGetsTheSessionExpiredTextAndChangesNothing() throws Exception {
        peer.dial(POSTPAID, "*122*1*2#", REF);
        screen(true);
        clock.advance(Duration.ofSeconds(61));
        peer.answer(POSTPAID, "1", REF);
        assertEquals("Seja je potekla. Prosimo, pokličite kodo znova.", screen(false));
        assertFalse(flags("38641000001").has(Flag.MISSED_CALL_SMS));
    }

    @Test
    void anAnswerWithinTheTimeoutIsTaken() throws Exception {
        peer.dial(POSTPAID, "*122*1*2#", REF);
        screen(true);
        clock.advance(Duration.ofSeconds(59));
        peer.answer(POSTPAID, "1", REF);
        assertEquals("SMS zgrešeni klic je vklopljen.", screen(false));
    }

    @Test
    void aNewStartReplacesTheOpenDialogue() throws Exception {
        peer.dial(POSTPAID, "*122*1#", REF);
        screen(true);
        peer.dial(POSTPAID, "*121#", REF);
        screen(true);
        peer.answer(POSTPAID, "3", REF);
        assertEquals("Zapora gostovanja v tujini: izklopljeno\n1 Vklop\n2 Izklop\n0 Nazaj", screen(true),
                "the answer goes to *121#, not to the *122# dialogue it replaced");
    }

    @Test
    void anAnswerWithNoDialogueGetsTheSessionExpiredText() throws Exception {
        peer.answer(PREPAID, "1", REF);
        assertEquals("Seja je potekla. Prosimo, pokličite kodo znova.", screen(false));
    }
}
