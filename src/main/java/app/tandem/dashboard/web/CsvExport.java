package app.tandem.dashboard.web;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import app.tandem.dashboard.Indicator;
import app.tandem.dashboard.ProgramRow;
import app.tandem.dashboard.SchoolRow;
import app.tandem.dashboard.Share;
import app.tandem.dashboard.Standing;
import app.tandem.system.Messages;
import app.tandem.system.SpreadsheetCsv;

/**
 * The dashboard's rows as CSV (through {@link SpreadsheetCsv}): a header row, one row per school and term, and for each indicator the cases met, the cases counted and
 * the result (a whole percent, or "No data yet").
 */
@Component
class CsvExport {

    private final Messages messages;

    CsvExport(Messages messages) {
        this.messages = messages;
    }

    void write(List<SchoolRow> rows, Writer out) throws IOException {
        SpreadsheetCsv csv = SpreadsheetCsv.start(out, header());
        for (SchoolRow row : rows) {
            csv.row(record(row));
        }
        csv.finish();
    }

    private List<String> header() {
        List<String> header = new ArrayList<>(List.of(
                messages.text("dashboard.csv.schoolCode"), messages.text("dashboard.column.school"),
                messages.text("dashboard.column.term"), messages.text("dashboard.csv.startsOn"),
                messages.text("dashboard.csv.endsOn"), messages.text("dashboard.column.phase"),
                messages.text("dashboard.column.next"), messages.text("dashboard.csv.nextOn"),
                messages.text("dashboard.column.status"), messages.text("dashboard.column.overdue"),
                messages.text("dashboard.column.incidents"), messages.text("dashboard.column.notReached")));
        for (Indicator indicator : Indicator.values()) {
            header.add(messages.text("dashboard.csv.met", indicator.code()));
            header.add(messages.text("dashboard.csv.counted", indicator.code()));
            header.add(messages.text("dashboard.csv.result", indicator.code()));
        }
        return header;
    }

    private List<Object> record(SchoolRow row) {
        ProgramRow program = row.program();
        Standing standing = program.standing();
        List<Object> record = new ArrayList<>(List.of(
                program.schoolCode(), program.schoolName(), program.termName(), program.startsOn(),
                program.endsOn(), messages.text(standing.phase().messageKey()),
                standing.next() == null ? "" : messages.text(standing.next().messageKey(), standing.nextNumber()),
                standing.nextOn() == null ? "" : standing.nextOn(), messages.text(row.status().messageKey()),
                row.overdueTasks(), row.openIncidents(),
                row.caregiversNotReached() == null ? messages.text("dashboard.noData") : row.caregiversNotReached()));
        for (Indicator indicator : Indicator.values()) {
            Share share = row.indicator(indicator);
            record.add(share.met());
            record.add(share.counted());
            record.add(share.noData() ? messages.text("dashboard.noData") : share.percent());
        }
        return record;
    }
}
