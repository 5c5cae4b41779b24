package org.starhash.gateway.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.starhash.gateway.faults.FaultLog;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the 1188 directory listing: a CSV with the header {@code name,address,number}, one listing per row. A bad
 * row stops the start with the file and the row, as a spreadsheet numbers them.
 */
final class DirectoryCsv {

    private static final Set<String> COLUMNS = Set.of("name", "address", "number");

    private DirectoryCsv() {
    }

    static List<KeywordSettings.DirectoryEntry> read(URL url, String name) throws ConfigException {
        CsvMapper mapper = CsvMapper.builder().enable(CsvParser.Feature.TRIM_SPACES)
                .enable(CsvParser.Feature.SKIP_EMPTY_LINES).build();
        CsvSchema schema = CsvSchema.emptySchema().withHeader().withComments();
        List<KeywordSettings.DirectoryEntry> entries = new ArrayList<>();
        try (InputStream in = url.openStream();
             MappingIterator<Map<String, String>> rows = mapper.readerForMapOf(String.class).with(schema).readValues(in)) {
            while (rows.hasNextValue()) {
                Map<String, String> row = rows.nextValue();
                int line = rows.getParser().currentTokenLocation().getLineNr();
                if (!row.keySet().equals(COLUMNS)) {
                    throw new ConfigException(name + ": row 1: the columns must be name,address,number, not "
                            + FaultLog.printable(String.join(",", row.keySet())));
                }
                String entryName = row.get("name");
                String number = row.get("number");
                if (entryName == null || entryName.isBlank() || number == null || !number.matches("[0-9 /+-]{3,20}")) {
                    throw new ConfigException(name + ": row " + line + ": needs a name and a phone number (digits, spaces, / or -)");
                }
                entries.add(new KeywordSettings.DirectoryEntry(entryName, row.getOrDefault("address", ""), number));
            }
        } catch (JacksonException e) {
            throw new ConfigException(name + ": " + FaultLog.printable(e.getOriginalMessage())
                    + (e.getLocation() != null ? " (row " + e.getLocation().getLineNr() + ")" : ""), e);
        } catch (IOException e) {
            throw new ConfigException(name + ": cannot be read: " + e.getMessage(), e);
        }
        return entries;
    }
}
