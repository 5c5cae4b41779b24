package org.starhash.gateway.config;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.RuntimeJsonMappingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.starhash.gateway.faults.FaultLog;
import org.starhash.gateway.store.Customer;
import org.starhash.gateway.store.Store;
import org.starhash.gateway.store.Subscriber;
import org.starhash.gateway.store.SubscriberKind;
import org.starhash.gateway.store.Units;
import org.starhash.gateway.values.Money;
import org.starhash.gateway.values.Numbering;
import org.starhash.gateway.values.TaxNumber;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads subscribers from CSV with a header row ({@code msisdn,kind} required; {@code balance},
 * {@code package_*}, {@code used_*}, {@code extra_spend}, {@code period}, {@code tax_number} and
 * {@code spp_code} optional, the last two together). The whole file is checked
 * before anything is stored, so a bad row leaves the store as it was.
 */
public final class SubscriberCsv {

    private static final Set<String> COLUMNS = Set.of("msisdn", "kind", "balance", "package_minutes", "package_sms",
            "package_mb", "used_minutes", "used_sms", "used_mb", "extra_spend", "period", "tax_number", "spp_code");

    private SubscriberCsv() {
    }

    /**
     * One row: the subscriber and, when the row names them, the customer's tax number and SPP code.
     *
     * @param subscriber the subscriber
     * @param customer   the customer record, if the row has one
     */
    public record Row(Subscriber subscriber, Optional<Customer> customer) {
    }

    /**
     * A file that cannot be imported; the message names the row and what is wrong, on one line (control
     * characters of the file's text shown as {@code ?}, so a file cannot forge log lines).
     */
    public static final class CsvException extends Exception {
        public CsvException(String message) {
            super(FaultLog.printable(message));
        }
    }

    /**
     * Parses every row; the counters of a row without {@code period} belong to {@code currentPeriod}.
     * Row numbers in errors count the header as row 1, as a spreadsheet shows them.
     */
    public static List<Row> read(InputStream in, String name, Numbering numbering, YearMonth currentPeriod)
            throws CsvException, IOException {
        CsvMapper mapper = CsvMapper.builder().enable(CsvParser.Feature.TRIM_SPACES)
                .enable(CsvParser.Feature.SKIP_EMPTY_LINES).build();
        CsvSchema schema = CsvSchema.emptySchema().withHeader().withComments();
        List<Row> subscribers = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        // Read as UTF-8 and nothing else: Jackson would guess UTF-16 or UTF-32 from the first bytes.
        java.io.Reader text = new java.io.InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        try (MappingIterator<Map<String, String>> rows = mapper.readerForMapOf(String.class).with(schema).readValues(text)) {
            while (rows.hasNextValue()) {
                Map<String, String> row = rows.nextValue();
                // The last token read is the row's own; its line counts blank lines too, as an editor does.
                int line = rows.getParser().currentTokenLocation().getLineNr();
                if (subscribers.isEmpty()) {
                    checkColumns(row.keySet(), name);
                }
                Subscriber s = parse(row, name, line, numbering, currentPeriod);
                if (!seen.add(s.msisdn())) {
                    throw new CsvException(name + ": row " + line + ": " + s.msisdn() + " appears twice");
                }
                subscribers.add(new Row(s, customer(row, name + ": row " + line + ": ")));
            }
        } catch (RuntimeJsonMappingException e) {
            throw new CsvException(name + ": " + e.getMessage());
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new CsvException(name + ": " + e.getOriginalMessage()
                    + (e.getLocation() != null ? " (row " + e.getLocation().getLineNr() + ")" : ""));
        } catch (CharacterCodingException e) {
            throw new CsvException(name + ": the file is not UTF-8 text (" + e + ")");
        }
        return subscribers;
    }

    private static void checkColumns(Set<String> columns, String name) throws CsvException {
        for (String column : columns) {
            if (!COLUMNS.contains(column)) {
                throw new CsvException(name + ": row 1: unknown column '" + column + "'; known columns: "
                        + String.join(", ", new java.util.TreeSet<>(COLUMNS)));
            }
        }
        if (!columns.contains("msisdn") || !columns.contains("kind")) {
            throw new CsvException(name + ": row 1: the header needs the columns msisdn and kind");
        }
    }

    private static Subscriber parse(Map<String, String> row, String name, int line, Numbering numbering,
                                    YearMonth currentPeriod) throws CsvException {
        String at = name + ": row " + line + ": ";
        String msisdn = numbering.normalize(row.get("msisdn"))
                .orElseThrow(() -> new CsvException(at + "'" + row.get("msisdn") + "' is not a phone number"));
        SubscriberKind kind;
        try {
            kind = SubscriberKind.valueOf(value(row, "kind", "").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CsvException(at + "kind must be prepaid or postpaid, not '" + row.get("kind") + "'");
        }
        try {
            long balance = Money.parseCents(value(row, "balance", "0"));
            long extra = Money.parseCents(value(row, "extra_spend", "0"));
            YearMonth period = YearMonth.parse(value(row, "period", currentPeriod.toString()));
            Units allowance = new Units(count(row, "package_minutes"), count(row, "package_sms"), count(row, "package_mb"));
            Units used = new Units(count(row, "used_minutes"), count(row, "used_sms"), count(row, "used_mb"));
            if (kind == SubscriberKind.POSTPAID && balance != 0) {
                throw new IllegalArgumentException("a postpaid subscriber has no balance");
            }
            return new Subscriber(msisdn, kind, balance, allowance, period, used, extra);
        } catch (IllegalArgumentException | ArithmeticException | DateTimeParseException e) {
            throw new CsvException(at + e.getMessage());
        }
    }

    private static Optional<Customer> customer(Map<String, String> row, String at) throws CsvException {
        String tax = value(row, "tax_number", "");
        String spp = value(row, "spp_code", "");
        if (tax.isEmpty() && spp.isEmpty()) {
            return Optional.empty();
        }
        if (tax.isEmpty() || spp.isEmpty()) {
            throw new CsvException(at + "tax_number and spp_code go together: give both or neither");
        }
        TaxNumber.Check check = TaxNumber.check(tax);
        if (check != TaxNumber.Check.VALID) {
            throw new CsvException(at + "tax_number '" + tax + "' " + (check == TaxNumber.Check.FORMAT
                    ? "must be 8 digits, the first not 0" : "has a wrong check digit (mod 11)"));
        }
        return Optional.of(new Customer(tax, spp));
    }

    private static String value(Map<String, String> row, String column, String fallback) {
        String v = row.get(column);
        return v == null || v.isEmpty() ? fallback : v;
    }

    private static long count(Map<String, String> row, String column) {
        String v = value(row, column, "0");
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(column + " must be a whole number, not '" + v + "'");
        }
    }

    /** Stores all rows in one transaction: all of them or, on failure, none. */
    public static java.util.concurrent.CompletableFuture<Integer> store(Store store, List<Row> rows) {
        return store.submit(tx -> {
            for (Row row : rows) {
                tx.put(row.subscriber());
                row.customer().ifPresent(c -> tx.put(Customer.TABLE, row.subscriber().msisdn(), c));
            }
            return rows.size();
        });
    }
}
