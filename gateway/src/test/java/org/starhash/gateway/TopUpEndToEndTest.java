package org.starhash.gateway;

import org.jsmpp.bean.DeliverSm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.starhash.gateway.store.Flag;
import org.starhash.gateway.store.FlagSet;
import org.starhash.gateway.store.Flags;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.starhash.gateway.ServicesFixture.POSTPAID;
import static org.starhash.gateway.ServicesFixture.POSTPAID_2;
import static org.starhash.gateway.ServicesFixture.POSTPAID_INTL;
import static org.starhash.gateway.ServicesFixture.PREPAID;
import static org.starhash.gateway.ServicesFixture.PREPAID_2;
import static org.starhash.gateway.ServicesFixture.PREPAID_2_INTL;
import static org.starhash.gateway.ServicesFixture.PREPAID_INTL;

/** Polni zame over SMPP: a real gateway, a real store, the USSD centre and the SMSC as two bound peers. */
class TopUpEndToEndTest {

    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

    @TempDir
    Path data;
    private ServicesFixture net;

    @BeforeEach
    void start() throws Exception {
        net = new ServicesFixture(TestGateway.editedConfig(data.resolve("config"),
                c -> c.replace("daily_limit: 100 ", "daily_limit: 25 ")), data.resolve("data"), TestGateway.CLOCK);
    }

    @AfterEach
    void stop() throws Exception {
        net.close();
    }

    @Test
    void aTopUpMovesTheMoneyAtOnceAndTheRecipientGetsAnSms() throws Exception {
        long billBefore = net.subscriber(POSTPAID_INTL).extraSpendCents(NOVEMBER);

        assertEquals("Račun 070000001 je napolnjen z 5,00 EUR. Znesek bo prištet vašemu mesečnemu računu.",
                net.dial(POSTPAID, "*123*5*070000001#"));

        assertEquals(1750, net.subscriber(PREPAID_INTL).balanceCents());
        assertEquals(billBefore + 500, net.subscriber(POSTPAID_INTL).extraSpendCents(NOVEMBER));
        DeliverSm sms = net.outboxSms();
        assertEquals("7070", sms.getSourceAddr());
        assertEquals(PREPAID_INTL, sms.getDestAddress());
        assertEquals("Uporabnik 041000001 vam je s Polni zame napolnil račun z 5,00 EUR. Stanje: 17,50 EUR.",
                TestPeer.textOf(sms));
        List<String> charges = net.charges(1);
        assertTrue(charges.get(0).contains("\"msisdn\":\"" + POSTPAID_INTL + "\""), charges.get(0));
        assertTrue(charges.get(0).contains("\"service\":\"topup:" + PREPAID_INTL + "\""), charges.get(0));
        assertTrue(charges.get(0).contains("\"amountCents\":500"), charges.get(0));
        net.noOutboxSms();
    }

    @Test
    void byPolniSmsTheRecipientSeesTheSendersWords() throws Exception {
        assertEquals("Račun 070000002 je napolnjen z 10,00 EUR. Znesek bo prištet vašemu mesečnemu računu.",
                net.sms(POSTPAID, "7070", "polni 10 +38670000002 Vse najboljse"));
        DeliverSm sms = net.outboxSms();
        assertEquals(PREPAID_2_INTL, sms.getDestAddress());
        assertEquals("Uporabnik 041000001 vam je s Polni zame napolnil račun z 10,00 EUR. Stanje: 13,20 EUR. "
                + "Sporočilo: Vse najboljse", TestPeer.textOf(sms));
        assertEquals(1320, net.subscriber(PREPAID_2_INTL).balanceCents());
    }

    @Test
    void eachRefusalHasItsOwnTextAndMovesNoMoney() throws Exception {
        assertEquals("Polni zame lahko uporabljajo le naročniki. Polnitev med predplačniškima uporabnikoma ni mogoča.",
                net.dial(PREPAID_2, "*123*5*070000001#"));
        assertEquals("Številka 070999999 ni v našem omrežju.", net.dial(POSTPAID, "*123*5*070999999#"));
        assertEquals("Številka +43664123456 ni v našem omrežju.", net.dial(POSTPAID, "*123*5*+43664123456#"));
        assertEquals("12 ni pravilna telefonska številka.", net.dial(POSTPAID, "*123*5*12#"));
        assertEquals("Napačen znesek. Polnite lahko 5, 10, 20 EUR.", net.dial(POSTPAID, "*123*7*070000001#"));
        assertEquals("Številka 041000002 ni predplačniška. Polni zame polni le račune predplačnikov.",
                net.dial(POSTPAID, "*123*5*041000002#"));
        assertEquals("Za Polni zame vpišite *123*ZNESEK*ŠTEVILKA#, na primer *123*5*070123456#. Zneski: 5, 10, 20 EUR.",
                net.dial(POSTPAID, "*123*5#"));
        assertEquals("Za Polni zame pošljite POLNI ZNESEK ŠTEVILKA na 7070, na primer POLNI 5 070123456. Zneski: 5, 10, 20 EUR.",
                net.sms(POSTPAID, "7070", "POLNI"));

        net.gateway.store().submit(tx -> {
            tx.put(Flags.TABLE, "38641000002", FlagSet.NONE.with(Flag.BAR_TOPUP, true));
            return null;
        }).get();
        assertEquals("Storitev Polni zame je na vaši številki zaprta. Informacije: 080 22 88.",
                net.dial(POSTPAID_2, "*123*5*070000001#"));

        assertEquals(1250, net.subscriber(PREPAID_INTL).balanceCents());
        assertEquals(320, net.subscriber(PREPAID_2_INTL).balanceCents());
        net.noOutboxSms();
    }

    @Test
    void theDailyCapStopsTheSenderForTheRestOfTheDay() throws Exception {
        net.dial(POSTPAID, "*123*10*070000001#");
        net.dial(POSTPAID, "*123*10*070000002#");
        assertEquals("Dnevni limit Polni zame je 25,00 EUR. Danes lahko polnite še 5,00 EUR.",
                net.dial(POSTPAID, "*123*10*070000001#"));
        assertTrue(net.dial(POSTPAID, "*123*5*070000001#").startsWith("Račun 070000001 je napolnjen z 5,00 EUR."));
        assertEquals(2750, net.subscriber(PREPAID_INTL).balanceCents());
        assertTrue(net.dial(POSTPAID_2, "*123*10*070000001#").startsWith("Račun"), "another sender has a cap of its own");
    }
}
