package org.starhash.gateway;

import org.jsmpp.bean.DeliverSm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.starhash.gateway.sms.Segments;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.starhash.gateway.ServicesFixture.POSTPAID;
import static org.starhash.gateway.ServicesFixture.POSTPAID_2;
import static org.starhash.gateway.ServicesFixture.POSTPAID_INTL;
import static org.starhash.gateway.ServicesFixture.PREPAID;
import static org.starhash.gateway.ServicesFixture.PREPAID_2;
import static org.starhash.gateway.ServicesFixture.PREPAID_2_INTL;
import static org.starhash.gateway.ServicesFixture.PREPAID_INTL;

/**
 * The SMS keyword services of SERVICES.md §2 over SMPP, each with its refusals: the handset's SMS comes from the
 * USSD centre's transceiver (which takes the replies), SMS to other handsets reach the SMSC bind.
 */
class KeywordServicesEndToEndTest {

    @TempDir
    Path data;
    private final MutableClock clock = new MutableClock(TestGateway.CLOCK.instant());
    private ServicesFixture net;

    @BeforeEach
    void start() throws Exception {
        net = new ServicesFixture(AdminApi.config(data.resolve("config")), data.resolve("data"), clock);
    }

    @AfterEach
    void stop() throws Exception {
        net.close();
    }

    private HttpResponse<String> admin(String path, String json) throws Exception {
        return AdminApi.post(net.gateway, path, json, AdminApi.TOKEN);
    }

    @Test
    void gprsTujinaRaisesTheRoamingLimitOnceAMonthAndChargesTheMo() throws Exception {
        assertEquals("Limit prenosa podatkov v tujini je za 11/2026 povečan: v državah EU na 211,00 EUR, izven EU "
                + "za dodatnih 150 MB (limit 100,00 EUR). Povratno sporočilo je brezplačno.",
                net.sms(POSTPAID, "7070", "gprs tujina"));
        assertEquals("Limit ste v mesecu 11/2026 že povečali. Za dodatno povečanje pokličite klicni center 070 700 700.",
                net.sms(POSTPAID, "7070", "GPRS  TUJINA"));
        assertTrue(net.sms(PREPAID, "7070", "Gprs Tujina").startsWith("Limit prenosa podatkov v tujini je za 11/2026"));

        List<String> charges = net.charges(3);
        assertEquals(3, charges.size(), charges.toString());
        assertTrue(charges.stream().allMatch(c -> c.contains("\"service\":\"sms:7070:GPRS TUJINA\",\"units\":1")), charges.toString());
        assertEquals(122, net.subscriber(POSTPAID_INTL).used().sms(), "both MO came from the package");
        assertEquals(1241, net.subscriber(PREPAID_INTL).balanceCents(), "the prepaid MO costs 0,09 from the balance");

        clock.advance(Duration.ofDays(8));
        assertTrue(net.sms(POSTPAID, "7070", "GPRS TUJINA").startsWith("Limit prenosa podatkov v tujini je za 12/2026"),
                "a new month allows a new raise");
    }

    @Test
    void neurjeSubscribesPlacesInTheirProperSpellingUpToFive() throws Exception {
        assertEquals("Na obvestila o neurju niste prijavljeni. Prijava: NEURJE KRAJ na 7070.", net.sms(PREPAID, "7070", "NEURJE"));
        assertEquals("Prijavljeni ste na obvestila o neurju za kraj Žalec. Odjava: NEURJE Žalec STOP na 7070.",
                net.sms(PREPAID, "7070", "neurje zalec"));
        assertEquals("Na obvestila o neurju za kraj Žalec ste že prijavljeni.", net.sms(PREPAID, "7070", "NEURJE ŽALEC"));
        assertEquals("Za kraj Atlantida obvestil o neurju ni. Preverite ime kraja.", net.sms(PREPAID, "7070", "NEURJE Atlantida"));
        for (String place : List.of("ljubljana", "NOVO MESTO", "Skofja Loka", "Celje")) {
            assertTrue(net.sms(PREPAID, "7070", "NEURJE " + place).startsWith("Prijavljeni ste"), place);
        }
        assertEquals("Obvestila o neurju prejemate za: Žalec, Ljubljana, Novo mesto, Škofja Loka, Celje.",
                net.sms(PREPAID, "7070", "Neurje"));
        assertEquals("Prijavljeni ste lahko na največ 5 krajev (Žalec, Ljubljana, Novo mesto, Škofja Loka, Celje). "
                + "Enega odjavite z NEURJE KRAJ STOP.", net.sms(PREPAID, "7070", "NEURJE Koper"));
        assertEquals("Na obvestila o neurju za kraj Koper niste prijavljeni.", net.sms(PREPAID, "7070", "NEURJE KOPER STOP"));
        assertEquals("Odjavljeni ste od obvestil o neurju za kraj Novo mesto.", net.sms(PREPAID, "7070", "neurje novo mesto stop"));
        assertEquals("Odjavljeni ste od vseh obvestil o neurju (Žalec, Ljubljana, Škofja Loka, Celje).",
                net.sms(PREPAID, "7070", "NEURJE STOP"));
        assertEquals("Na obvestila o neurju niste prijavljeni. Prijava: NEURJE KRAJ na 7070.", net.sms(PREPAID, "7070", "NEURJE"));

        // NEURJE is free: the only charge is the PORABA sent last, and the balance lost only its 0,09.
        net.sms(PREPAID, "7070", "PORABA");
        List<String> charges = net.charges(1);
        assertEquals(1, charges.size(), charges.toString());
        assertTrue(charges.get(0).contains("sms:7070:PORABA"), charges.toString());
        assertEquals(1241, net.subscriber(PREPAID_INTL).balanceCents());
    }

    @Test
    void aStormAlertReachesEverySubscriberOfThePlaceAndOnlyThem() throws Exception {
        net.sms(PREPAID, "7070", "NEURJE Žalec");
        net.sms(POSTPAID, "7070", "NEURJE Ljubljana");
        net.sms(POSTPAID, "7070", "NEURJE zalec");
        net.sms(POSTPAID_2, "7070", "NEURJE Ljubljana");
        net.sms(PREPAID_2, "7070", "NEURJE Zalec");
        net.sms(PREPAID_2, "7070", "NEURJE Zalec STOP");

        HttpResponse<String> sent = admin("events/storm-alert", "{\"place\":\"ZALEC\",\"text\":\"Močna nevihta s točo do 18. ure.\"}");
        assertEquals(200, sent.statusCode(), sent.body());
        assertEquals("{\"result\":\"sent\",\"recipients\":2}", sent.body().strip());
        Set<String> reached = new java.util.HashSet<>();
        for (int i = 0; i < 2; i++) {
            DeliverSm sms = net.outboxSms();
            assertEquals("7070", sms.getSourceAddr());
            assertEquals("NEURJE Žalec: Močna nevihta s točo do 18. ure. Radar: https://wap.telemach.si/radar",
                    TestPeer.textOf(sms));
            reached.add(sms.getDestAddress());
        }
        assertEquals(Set.of(PREPAID_INTL, POSTPAID_INTL), reached);
        net.noOutboxSms();

        HttpResponse<String> unknown = admin("events/storm-alert", "{\"place\":\"Atlantida\",\"text\":\"x\"}");
        assertEquals(404, unknown.statusCode());
        assertTrue(unknown.body().contains("no place 'Atlantida' takes storm alerts"), unknown.body());
        assertEquals(400, admin("events/storm-alert", "{\"place\":\"Celje\"}").statusCode(), "the text is required");
        assertEquals("{\"result\":\"sent\",\"recipients\":0}", admin("events/storm-alert",
                "{\"place\":\"Celje\",\"text\":\"Toča.\"}").body().strip(), "nobody follows Celje");
        net.noOutboxSms();
    }

    @Test
    void sppSendsTheCodeOnlyForTheTaxNumberOnRecordForTheSender() throws Exception {
        assertEquals("Vaša šifra naročnika SPP je SPP-4471203.", net.sms(POSTPAID, "1919", "spp 95985352"));
        String other = net.sms(POSTPAID, "1919", "SPP 18273645");
        assertEquals("Davčna številka se ne ujema s podatki za to številko. Za pomoč pokličite 080 8000.", other,
                "the other customer's valid tax number reveals nothing");
        assertFalse(other.contains("SPP-5520918"));
        assertEquals("Davčna številka se ne ujema s podatki za to številko. Za pomoč pokličite 080 8000.",
                net.sms(PREPAID, "1919", "SPP 95985352"), "a number without a record gets the same answer");
        assertEquals("1234567 ni davčna številka: davčna številka ima 8 številk.", net.sms(POSTPAID, "1919", "SPP 1234567"));
        assertEquals("12A45678 ni davčna številka: davčna številka ima 8 številk.", net.sms(POSTPAID, "1919", "SPP 12A45678"));
        assertEquals("Davčna številka 95985353 ni pravilna (kontrolna številka se ne ujema). Preverite jo.",
                net.sms(POSTPAID, "1919", "SPP 95985353"));
        assertEquals("Pošljite SPP in svojo davčno številko, na primer SPP 12345678, na 1919.", net.sms(POSTPAID, "1919", "SPP"));
    }

    @Test
    void donationsComeFromACoveringBalanceOrGoOnTheBillWithoutVat() throws Exception {
        assertEquals("Hvala! Donirali ste 5,00 EUR za Društvo \"Vesele nogice\".", net.sms(PREPAID, "1919", "nogice5"));
        assertEquals(750, net.subscriber(PREPAID_INTL).balanceCents());
        assertEquals("Za donacijo 5,00 EUR na računu nimate dovolj sredstev (stanje 3,20 EUR).",
                net.sms(PREPAID_2, "1919", "UNICEF5"));
        assertEquals(320, net.subscriber(PREPAID_2_INTL).balanceCents(), "nothing was taken");
        assertEquals("Hvala! Donirali ste 1,00 EUR za Unicef.", net.sms(POSTPAID, "1919", "Unicef"));
        assertEquals(835, net.subscriber(POSTPAID_INTL).extraSpendCents(), "7,35 + 1,00 on the bill");

        List<String> charges = net.charges(2);
        assertEquals(2, charges.size(), charges.toString());
        assertTrue(charges.get(0).contains("\"service\":\"donation:NOGICE5\",\"units\":1,\"amountCents\":500,\"vatExempt\":true"),
                charges.get(0));
        assertTrue(charges.get(1).contains("\"service\":\"donation:UNICEF\",\"units\":1,\"amountCents\":100,\"vatExempt\":true"),
                charges.get(1));

        String help = net.sms(PREPAID, "1919", "NOGICE7");
        assertTrue(help.startsWith("Neznana ključna beseda. Na 1919 lahko pošljete: "), help);
        assertTrue(help.contains("NOGICE, NOGICE5") && help.contains("SPP") && help.contains("UNICEF5"), help);
    }

    @Test
    void theDirectoryChargesEachSmsWithResultsAndNothingForNoResults() throws Exception {
        String one = net.sms(POSTPAID, "1188", "novak cankarjeva");
        assertEquals("Novak Janez, Cankarjeva 5, Ljubljana: 01 425 11 02", one);
        String three = net.sms(POSTPAID, "1188", "Novak");
        assertEquals("Novak Janez, Cankarjeva 5, Ljubljana: 01 425 11 02\nNovak Marija, Prešernova 12, Maribor: "
                + "02 251 33 40\nNovak Peter, Obala 44, Koper: 05 627 14 38\n"
                + "Zadetkov je še: 1. Iskanje zožite z več besedami.", three, "three listings at most, the rest counted");
        assertEquals("Kovačič Peter, Glavni trg 8, Celje: 03 544 18 90", net.sms(POSTPAID, "1188", "kovacic"),
                "words without diacritics find names with them");
        assertEquals("Iskani naročnik ne obstaja oz. na voljo je 0 zadetkov.", net.sms(POSTPAID, "1188", "Smith Ljubljana"));
        assertEquals("Znak , ni dovoljen. Pišite brez šumnikov, besede ločite s presledki, brez pik, vejic in drugih ločil.",
                net.sms(POSTPAID, "1188", "Novak, Janez"));

        assertEquals(194, three.length());
        assertEquals(3, Segments.count(three), "194 characters with š and ž take 3 SMS of 67 in UCS-2");
        List<String> charges = net.charges(8);
        List<String> directory = charges.stream().filter(c -> c.contains("\"service\":\"directory:1188\"")).toList();
        assertEquals(List.of(1, 3, 1), directory.stream().map(KeywordServicesEndToEndTest::units).toList(), directory.toString());
        assertTrue(directory.get(1).contains("\"amountCents\":126"), directory.get(1));
        long moCharges = charges.stream().filter(c -> c.contains("\"service\":\"sms:1188\"")).count();
        assertEquals(5, moCharges, "every MO to 1188 counts, the free answers too");
        assertEquals(735 + 42 + 126 + 42, net.subscriber(POSTPAID_INTL).extraSpendCents(),
                "the results go on the bill; the MO come from the package");
        assertEquals(125, net.subscriber(POSTPAID_INTL).used().sms());
    }

    private static int units(String charge) {
        String after = charge.substring(charge.indexOf("\"units\":") + 8);
        return Integer.parseInt(after.substring(0, after.indexOf(',')));
    }

    @Test
    void aStopCodeEndsTheSubscriptionToItsProvider() throws Exception {
        HttpResponse<String> taken = admin("content-subscriptions", "{\"msisdn\":\"" + PREPAID + "\",\"provider\":\"12media\"}");
        assertEquals("{\"result\":\"subscribed\"}", taken.body().strip());
        assertEquals(404, admin("content-subscriptions", "{\"msisdn\":\"" + PREPAID + "\",\"provider\":\"nobody\"}").statusCode());

        assertEquals("Odjavljeni ste od storitev ponudnika 12Media d.o.o.. Informacije: 01/237 33 04.",
                net.sms(PREPAID, "6161", "igra stop"));
        assertEquals("Na storitve ponudnika 12Media d.o.o. niste naročeni. Informacije: 01/237 33 04.",
                net.sms(PREPAID, "6600", "CHAT STOP"));
        assertEquals("Na storitve ponudnika Športna loterija d.d. niste naročeni. Informacije: info@sportna-loterija.si.",
                net.sms(PREPAID, "2929", "STOP STAVE"));
        assertEquals("Neznana ključna beseda. Na 6600 lahko pošljete: CHAT STOP.", net.sms(PREPAID, "6600", "STOP"));
        assertEquals("Na številko 9999 ni mogoče pošiljati sporočil.", net.sms(PREPAID, "9999", "STOP"));
        assertEquals(1250, net.subscriber(PREPAID_INTL).balanceCents(), "stop codes are free");
    }

    @Test
    void unknownKeywordsListTheNumbersKeywords() throws Exception {
        assertEquals("Neznana ključna beseda. Na 7070 lahko pošljete: GPRS TUJINA, LIMIT, NEURJE, POLNI, PORABA.",
                net.sms(POSTPAID, "7070", "GPRS"));
        Set<String> listed = Set.of(net.sms(POSTPAID, "6161", "x").replaceAll(".*pošljete: |\\.$", "").split(", "));
        assertEquals(Set.of("CHAT STOP", "IGRA STOP", "PIMP STOP", "RADAR STOP"), listed.stream().collect(Collectors.toSet()));
    }
}
