package org.starhash.gateway;

import org.jsmpp.bean.DeliverSm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.starhash.gateway.ServicesFixture.POSTPAID;
import static org.starhash.gateway.ServicesFixture.POSTPAID_INTL;
import static org.starhash.gateway.ServicesFixture.PREPAID;
import static org.starhash.gateway.ServicesFixture.PREPAID_2;
import static org.starhash.gateway.ServicesFixture.PREPAID_2_INTL;
import static org.starhash.gateway.ServicesFixture.PREPAID_INTL;

/** Pokliči nazaj and Plačaj zame over SMPP, with the USSD centre and the SMSC bound as two peers. */
class CallMeEndToEndTest {

    @TempDir
    Path data;
    private final MutableClock clock = new MutableClock(TestGateway.CLOCK.instant());
    private ServicesFixture net;

    private void start(String from, String to) throws Exception {
        net = new ServicesFixture(TestGateway.editedConfig(data.resolve("config"), c -> c.replace(from, to)),
                data.resolve("data"), clock);
    }

    @AfterEach
    void stop() throws Exception {
        net.close();
    }

    @Test
    void callMeBackSendsTheTargetAFreeSmsFromTheRequestersNumber() throws Exception {
        start("daily_limit: 10 ", "daily_limit: 2 ");
        assertEquals("Sporočilo Prosim, pokliči me! je poslano na 070000002.", net.dial(POSTPAID, "*124*070000002#"));
        DeliverSm sms = net.outboxSms();
        assertEquals(POSTPAID_INTL, sms.getSourceAddr());
        assertEquals(PREPAID_2_INTL, sms.getDestAddress());
        assertEquals("Prosim, pokliči me!", TestPeer.textOf(sms));
        assertTrue(net.charges(0).isEmpty(), "call-me-back is free");

        net.ussdc.dial(POSTPAID, "*124#", ServicesFixture.REF);
        DeliverSm prompt = net.ussdc.next();
        assertEquals(2, TestPeer.opOf(prompt));
        assertEquals("Vnesite številko, ki naj vas pokliče:", TestPeer.textOf(prompt));
        assertEquals("Sporočilo Prosim, pokliči me! je poslano na 070000001.",
                ServicesFixture.end(net.answer(POSTPAID, "070000001"), POSTPAID));
        assertEquals(PREPAID_INTL, net.outboxSms().getDestAddress());

        assertEquals("Danes ste poslali že 2 sporočil Pokliči nazaj. Poskusite jutri.",
                net.dial(POSTPAID, "*124*070000002#"));
        net.noOutboxSms();
    }

    @Test
    void callMeBackToATargetWhoBlockedItIsRefused() throws Exception {
        start("daily_limit: 10 ", "daily_limit: 10 ");
        assertTrue(net.dial(PREPAID_2, "*122*1*1*1#").startsWith("Blokada je vklopljena."));
        assertEquals("Uporabnik 070000002 ne sprejema sporočil Pokliči nazaj.", net.dial(POSTPAID, "*124*070000002#"));
        assertEquals("Vnesli ste svojo številko.", net.dial(POSTPAID, "*124*041000001#"));
        assertEquals("Številka 070999999 ni v našem omrežju.", net.dial(POSTPAID, "*124*070999999#"));
        net.noOutboxSms();
    }

    /** The two PDUs the USSD centre gets after a collect-call dial: the callee's question (op 2), the caller's final screen. */
    private List<DeliverSm> dialCollectCall(String from, String code) throws Exception {
        net.ussdc.dial(from, code, ServicesFixture.REF);
        List<DeliverSm> got = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            DeliverSm pdu = net.ussdc.next();
            assertNotNull(pdu, "expected the caller's screen and the callee's question");
            got.add(pdu);
        }
        got.sort(Comparator.comparingInt(TestPeer::opOf));
        return got;
    }

    @Test
    void anAcceptedCollectCallTellsTheCallerAndEmitsTheEventForTheNetwork() throws Exception {
        start("caller_notice: sms", "caller_notice: sms");
        List<DeliverSm> got = dialCollectCall(PREPAID, "*111*041000001#");
        DeliverSm question = got.get(0);
        assertEquals(POSTPAID_INTL, question.getDestAddress());
        assertEquals(2, TestPeer.opOf(question), "a network-initiated question is a USSR request");
        assertEquals("111", question.getSourceAddr());
        assertEquals("070000001 vas želi poklicati na vaše stroške (0,30 EUR/10 min, vzpostavitev brezplačna).\n"
                + "1 Sprejmem\n2 Zavrnem", TestPeer.textOf(question));
        assertEquals("Uporabnika 041000001 smo vprašali, ali sprejme klic na svoje stroške. Odgovor prejmete v sporočilu.",
                ServicesFixture.end(got.get(1), PREPAID));

        assertEquals("Sprejeli ste klic 070000001 na svoje stroške.", ServicesFixture.end(net.answer(POSTPAID, "1"), POSTPAID));
        DeliverSm told = net.outboxSms();
        assertEquals(PREPAID_INTL, told.getDestAddress());
        assertEquals("041000001 je sprejel klic na svoje stroške. Klic se vzpostavlja.", TestPeer.textOf(told));
        List<String> events = net.charges(1);
        assertEquals(1, events.size(), events.toString());
        assertTrue(events.get(0).contains("\"msisdn\":\"" + POSTPAID_INTL + "\""), events.get(0));
        assertTrue(events.get(0).contains("\"service\":\"collect_call:" + PREPAID_INTL + "\""), events.get(0));
    }

    @Test
    void aDeclinedCollectCallIsToldToTheCallerByAUssdNoticeWhenConfigured() throws Exception {
        start("caller_notice: sms", "caller_notice: ussd");
        dialCollectCall(POSTPAID, "*111*070000001#");
        net.ussdc.answer(PREPAID, "2", ServicesFixture.REF);
        List<DeliverSm> got = new ArrayList<>(List.of(net.ussdc.next(), net.ussdc.next()));
        got.sort(Comparator.comparingInt(TestPeer::opOf));
        assertEquals("Klic 041000001 ste zavrnili.", ServicesFixture.end(got.get(1), PREPAID));
        DeliverSm notice = got.get(0);
        assertEquals(3, TestPeer.opOf(notice), "a USSD notice is a USSN request");
        assertEquals(POSTPAID_INTL, notice.getDestAddress());
        assertEquals("070000001 ni sprejel klica na svoje stroške.", TestPeer.textOf(notice));
        assertTrue(net.charges(0).isEmpty(), "a declined call emits no event");
        net.noOutboxSms();
    }

    @Test
    void noAnswerWithinTheDialogueTimeoutCountsAsDeclined() throws Exception {
        start("caller_notice: sms", "caller_notice: sms");
        dialCollectCall(POSTPAID, "*111*070000001#");
        clock.advance(Duration.ofSeconds(61));
        net.gateway.engine().sweepDialogues();
        DeliverSm told = net.outboxSms();
        assertEquals(POSTPAID_INTL, told.getDestAddress());
        assertEquals("070000001 ni odgovoril na vprašanje Plačaj zame.", TestPeer.textOf(told));
        net.ussdc.answer(PREPAID, "1", ServicesFixture.REF);
        assertEquals("Seja je potekla. Prosimo, pokličite kodo znova.", TestPeer.textOf(net.ussdc.next()));
        assertTrue(net.charges(0).isEmpty());
    }

    @Test
    void collectCallsBetweenTwoPrepaidUsersOrOutOfTheNetworkAreRefused() throws Exception {
        start("caller_notice: sms", "caller_notice: sms");
        assertEquals("Plačaj zame ni mogoč, ko sta oba uporabnika predplačnika.", net.dial(PREPAID, "*111*070000002#"));
        assertEquals("Številka 070999999 ni v našem omrežju.", net.dial(PREPAID, "*111*070999999#"));
        assertEquals("Številka +43664123456 ni v našem omrežju.", net.dial(POSTPAID, "*111*+43664123456#"));
        assertEquals("Za Plačaj zame vpišite *111*ŠTEVILKA#, na primer *111*070123456#.", net.dial(PREPAID, "*111#"));
        assertEquals(null, net.ussdc.nextWithin(300), "no question was asked");
    }
}
