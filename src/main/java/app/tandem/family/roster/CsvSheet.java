package app.tandem.family.roster;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import app.tandem.system.Messages;

/**
 * A CSV file as Tandem's imports read it: a header naming every column of the format (in any order, any case, an
 * Excel byte-order mark allowed), then one row per record, numbered as a spreadsheet shows them (the header is row
 * 1). Every problem becomes a {@link RosterError} in the importer's language; a file whose header is wrong yields
 * no rows.
 */
public final class CsvSheet {

    private final Messages messages;
    private final Locale locale;
    private final List<RosterError> errors = new ArrayList<>();

    public CsvSheet(Messages messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
    }

    /** @param columns every column of the format; {@code recordColumn} is where a row with a wrong cell count is marked */
    public List<SheetRow> read(Reader reader, List<String> columns, String recordColumn) throws IOException {
        return read(reader, columns, columns, recordColumn);
    }

    /**
     * @param required the columns the header must name
     * @param columns  every column the header may name (the required ones and those a file may leave out)
     */
    public List<SheetRow> read(Reader reader, List<String> required, List<String> columns, String recordColumn)
            throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get();
        try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
            List<String> header = parser.getHeaderNames().stream()
                    .map(h -> h.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT)).toList();
            for (String column : required) {
                if (!header.contains(column)) {
                    error(1, column, "roster.error.missingColumn");
                }
            }
            for (String column : header) {
                if (!columns.contains(column)) {
                    error(1, column, "roster.error.unknownColumn");
                }
            }
            if (!errors.isEmpty()) {
                return List.of();
            }
            List<SheetRow> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                int row = (int) record.getRecordNumber() + 1;
                if (record.size() != header.size()) {
                    error(row, recordColumn, "roster.error.cells", record.size(), header.size());
                    continue;
                }
                Map<String, String> values = new HashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    String value = record.get(i);
                    values.put(header.get(i), value == null || value.isBlank() ? null : value.strip());
                }
                rows.add(new SheetRow(row, values, this));
            }
            return rows;
        }
    }

    public void error(int row, String column, String key, Object... args) {
        errors.add(new RosterError(row, column, messages.text(locale, key, args)));
    }

    void refused(int row, String column, String reason) {
        errors.add(new RosterError(row, column, reason));
    }

    public List<RosterError> errors() {
        return List.copyOf(errors);
    }

    public boolean clean() {
        return errors.isEmpty();
    }
}
