package org.starhash.gateway;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.starhash.gateway.store.Flag;
import org.starhash.gateway.store.FlagSet;
import org.starhash.gateway.store.Flags;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.starhash.gateway.ServicesFixture.POSTPAID;
import static org.starhash.gateway.ServicesFixture.POSTPAID_INTL;

/** Call waiting, call forwarding and call barring by their GSM codes, dialled over SMPP as USSD strings. */
class CallSettingsEndToEndTest {

    @TempDir
    Path data;
    private ServicesFixture net;

    @BeforeEach
    void start() throws Exception {
        net = new ServicesFixture(AdminApi.config(data.resolve("config")), data.resolve("data"), TestGateway.CLOCK);
    }

    @AfterEach
    void stop() throws Exception {
        net.close();
    }

    private FlagSet flags() throws Exception {
        return net.gateway.store().read(Flags.TABLE, POSTPAID_INTL).orElse(FlagSet.NONE);
    }

    @Test
    void callWaitingOnOffAndItsState() throws Exception {
        assertEquals("Čakajoči klic je izklopljen.", net.dial(POSTPAID, "*#43#"));
        assertEquals("Čakajoči klic je vklopljen.", net.dial(POSTPAID, "*43#"));
        assertTrue(flags().has(Flag.CALL_WAITING));
        assertEquals("Čakajoči klic je vklopljen.", net.dial(POSTPAID, "*#43#"));
        assertEquals("Čakajoči klic je izklopljen.", net.dial(POSTPAID, "#43#"));
        assertEquals("Koda ##43# za to storitev ni podprta.", net.dial(POSTPAID, "##43#"));
    }

    @Test
    void forwardingIsRegisteredInterrogatedDeactivatedAndErased() throws Exception {
        assertEquals("Preusmeritev klica (vsi klici) je izklopljena.", net.dial(POSTPAID, "*#21#"));
        assertEquals("Preusmeritev klica (vsi klici) je vklopljena na 041234567.", net.dial(POSTPAID, "**21*041234567#"));
        assertEquals("Preusmeritev klica (vsi klici) je vklopljena na 041234567.", net.dial(POSTPAID, "*#21#"));
        assertEquals("Preusmeritev klica (vsi klici) je izklopljena.", net.dial(POSTPAID, "#21#"));
        assertEquals("Preusmeritev klica (vsi klici) je izklopljena.", net.dial(POSTPAID, "*#21#"));
        assertEquals("Preusmeritev klica (vsi klici) je vklopljena na 041234567.", net.dial(POSTPAID, "*21#"),
                "a deactivated forwarding keeps its number");
        assertEquals("Preusmeritev klica (vsi klici) je izbrisana.", net.dial(POSTPAID, "##21#"));
        assertEquals("Preusmeritev klica (vsi klici) nima številke. Vpišite **21*ŠTEVILKA#.", net.dial(POSTPAID, "*21#"));

        assertEquals("Preusmeritev klica (ko ste zasedeni) je vklopljena na +43664123456.",
                net.dial(POSTPAID, "**67*+43664123456#"));
        assertEquals("Preusmeritev klica (ko niste dosegljivi) je vklopljena na 070000001.",
                net.dial(POSTPAID, "**62*38670000001#"));
        assertEquals("Preusmeritve klicev so izbrisane.", net.dial(POSTPAID, "##002#"));
        assertEquals("Preusmeritev klica (ko ste zasedeni) je izklopljena.", net.dial(POSTPAID, "*#67#"));
        assertEquals("Preusmeritev klica (ko niste dosegljivi) je izklopljena.", net.dial(POSTPAID, "*#62#"));
    }

    @Test
    void noReplyForwardingTakesARingTimeFromFiveToThirtySeconds() throws Exception {
        assertEquals("Preusmeritev klica (ko se ne javite v 25 s) je vklopljena na 041234567.",
                net.dial(POSTPAID, "**61*041234567#"));
        assertEquals("Preusmeritev klica (ko se ne javite v 15 s) je vklopljena na 041234567.",
                net.dial(POSTPAID, "**61*041234567*15#"));
        assertEquals("Preusmeritev klica (ko se ne javite v 15 s) je vklopljena na 041234567.", net.dial(POSTPAID, "*#61#"));
        assertEquals("Čas zvonjenja je od 5 do 30 sekund.", net.dial(POSTPAID, "**61*041234567*45#"));
        assertEquals("Čas zvonjenja je od 5 do 30 sekund.", net.dial(POSTPAID, "**61*041234567*4#"));
        assertEquals("Preusmeritev klica (ko se ne javite v 15 s) je vklopljena na 041234567.", net.dial(POSTPAID, "*#61#"),
                "a refused ring time changes nothing");
    }

    @Test
    void aBadForwardToNumberIsRefused() throws Exception {
        assertEquals("123 ni pravilna telefonska številka.", net.dial(POSTPAID, "**21*123#"));
        assertEquals("Vnesli ste svojo številko.", net.dial(POSTPAID, "**21*041000001#"));
        assertEquals("Koda **21*…# za to storitev ni podprta.", net.dial(POSTPAID, "**21*041234567*20#"));
        assertEquals("Preusmeritev klica (vsi klici) je izklopljena.", net.dial(POSTPAID, "*#21#"));
    }

    @Test
    void barringWithTheRightPinAndAWrongOne() throws Exception {
        assertEquals("Zapora vseh odhodnih klicev je vklopljena.", net.dial(POSTPAID, "**33*0000#"));
        assertTrue(flags().has(Flag.BAR_OUTGOING));
        assertEquals("Zapora vseh odhodnih klicev je vklopljena.", net.dial(POSTPAID, "*#33#"));
        assertEquals("Napačno geslo za zapore. Preostali poskusi: 2.", net.dial(POSTPAID, "#33*1234#"));
        assertTrue(flags().has(Flag.BAR_OUTGOING), "a wrong PIN changes nothing");
        assertEquals("Zapora vseh odhodnih klicev je izklopljena.", net.dial(POSTPAID, "#33*0000#"));
        assertEquals("Vpišite še geslo za zapore: **35*GESLO#.", net.dial(POSTPAID, "**35#"));

        assertEquals("Zapora dohodnih klicev v tujini je vklopljena.", net.dial(POSTPAID, "**351*0000#"));
        assertEquals("Zapora odhodnih mednarodnih klicev je vklopljena.", net.dial(POSTPAID, "*331*0000#"));
        assertEquals("Zapore klicev so izklopljene.", net.dial(POSTPAID, "#330*0000#"));
        assertFalse(flags().has(Flag.BAR_INCOMING_ROAMING));
        assertFalse(flags().has(Flag.BAR_INTERNATIONAL));
    }

    @Test
    void threeWrongPinsInARowLockBarringUntilTheOperatorResetsIt() throws Exception {
        assertEquals("Napačno geslo za zapore. Preostali poskusi: 2.", net.dial(POSTPAID, "**33*1111#"));
        assertEquals("Napačno geslo za zapore. Preostali poskusi: 1.", net.dial(POSTPAID, "**33*2222#"));
        String locked = "Spreminjanje zapor je zaklenjeno zaradi napačnih gesel. Pokličite 080 22 88.";
        assertEquals(locked, net.dial(POSTPAID, "**33*3333#"));
        assertEquals(locked, net.dial(POSTPAID, "**33*0000#"), "even the right PIN waits for the operator");
        assertFalse(flags().has(Flag.BAR_OUTGOING));

        var reset = AdminApi.post(net.gateway, "barring-pin/reset", "{\"msisdn\": \"041000001\"}", AdminApi.TOKEN);
        assertEquals(200, reset.statusCode(), reset.body());
        assertEquals("{\"result\":\"reset\"}\n", reset.body());
        assertEquals("Zapora vseh odhodnih klicev je vklopljena.", net.dial(POSTPAID, "**33*0000#"));
    }

    @Test
    void theBarringPinIsChangedWithTheNewOneTwice() throws Exception {
        assertEquals("Novi gesli se ne ujemata. Geslo ni spremenjeno.", net.dial(POSTPAID, "**03*330*0000*1234*4321#"));
        assertEquals("Geslo za zapore ima 4 številke. Geslo ni spremenjeno.", net.dial(POSTPAID, "**03*330*0000*12*12#"));
        assertEquals("Geslo za zapore je spremenjeno.", net.dial(POSTPAID, "**03*330*0000*1234*1234#"));
        assertEquals("Napačno geslo za zapore. Preostali poskusi: 2.", net.dial(POSTPAID, "**33*0000#"));
        assertEquals("Zapora vseh odhodnih klicev je vklopljena.", net.dial(POSTPAID, "**33*1234#"));
    }
}
