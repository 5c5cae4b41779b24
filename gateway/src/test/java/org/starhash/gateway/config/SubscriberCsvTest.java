package org.starhash.gateway.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.starhash.gateway.store.Store;
import org.starhash.gateway.store.StoreSettings;
import org.starhash.gateway.store.Subscriber;
import org.starhash.gateway.store.SubscriberKind;
import org.starhash.gateway.store.Subscribers;
import org.starhash.gateway.store.Units;
import org.starhash.gateway.values.Numbering;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SubscriberCsvTest {

    private static final Numbering SLOVENIA = new Numbering("386", "0");
    private static final YearMonth NOV = YearMonth.of(2026, 11);

    private static List<Subscriber> read(String csv) throws Exception {
        return rows(csv).stream().map(SubscriberCsv.Row::subscriber).toList();
    }

    private static List<SubscriberCsv.Row> rows(String csv) throws Exception {
        return SubscriberCsv.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "subs.csv", SLOVENIA, NOV);
    }

    private static String error(String csv) {
        return assertThrows(SubscriberCsv.CsvException.class, () -> read(csv)).getMessage();
    }

    @Test
    void theShippedDemoSubscribersRead() throws Exception {
        List<Subscriber> demo;
        try (var in = Files.newInputStream(Path.of("..", "config", "subscribers.csv"))) {
            demo = SubscriberCsv.read(in, "subscribers.csv", SLOVENIA, NOV).stream().map(SubscriberCsv.Row::subscriber).toList();
        }
        Subscriber prepaid = demo.stream().filter(s -> s.msisdn().equals("38670000001")).findFirst().orElseThrow();
        assertEquals(SubscriberKind.PREPAID, prepaid.kind());
        assertEquals(1250, prepaid.balanceCents());
        Subscriber postpaid = demo.stream().filter(s -> s.msisdn().equals("38641000001")).findFirst().orElseThrow();
        assertEquals(735, postpaid.extraSpendCents(NOV));
        assertEquals(new Units(750, 880, 7168), postpaid.unitsLeft(NOV));
        assertEquals(0, postpaid.extraSpendCents(NOV.plusMonths(1)), "a new month starts from zero");
    }

    @Test
    void optionalColumnsDefaultAndNumbersNormalize() throws Exception {
        Subscriber s = read("msisdn,kind\n070000009,Prepaid\n").get(0);
        assertEquals(Subscriber.prepaid("38670000009", 0, NOV), s);
    }

    @Test
    void aBadRowNamesItsRowNumber() {
        assertEquals("subs.csv: row 3: kind must be prepaid or postpaid, not 'mobi'",
                error("msisdn,kind,balance\n070000001,prepaid,1.00\n070000002,mobi,1.00\n"));
        assertEquals("subs.csv: row 2: 'abc' is not a phone number", error("msisdn,kind\nabc,prepaid\n"));
        assertEquals("subs.csv: row 2: '1.005' has more than two decimals",
                error("msisdn,kind,balance\n070000001,prepaid,1.005\n"));
        assertEquals("subs.csv: row 3: 38670000001 appears twice",
                error("msisdn,kind\n070000001,prepaid\n+38670000001,prepaid\n"));
        assertEquals("subs.csv: row 2: package_sms must be a whole number, not 'many'",
                error("msisdn,kind,package_sms\n041000001,postpaid,many\n"));
    }

    @Test
    void anUnknownColumnIsRefused() {
        assertEquals("subs.csv: row 1: unknown column 'balanse'; known columns: balance, extra_spend, kind, msisdn, "
                        + "package_mb, package_minutes, package_sms, period, spp_code, tax_number, used_mb, used_minutes, used_sms",
                error("msisdn,kind,balanse\n070000001,prepaid,1\n"));
    }

    @Test
    void aFileWithABadRowImportsNothing(@TempDir Path dir) throws Exception {
        try (Store store = Store.open(dir, StoreSettings.DEFAULTS)) {
            assertThrows(SubscriberCsv.CsvException.class, () -> read("msisdn,kind\n070000001,prepaid\nx,prepaid\n"));
            assertEquals(0, store.size(Subscribers.TABLE));
            SubscriberCsv.store(store, rows("msisdn,kind\n070000001,prepaid\n070000002,prepaid\n")).get();
            assertEquals(2, store.size(Subscribers.TABLE));
        }
    }
}
