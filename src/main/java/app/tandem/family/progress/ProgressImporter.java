package app.tandem.family.progress;

import java.io.IOException;
import java.io.Reader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import app.tandem.family.DraftChoices;
import app.tandem.family.roster.RosterImporter;
import app.tandem.family.roster.RosterImporter.Phase;
import app.tandem.family.roster.RosterScope;
import app.tandem.family.roster.RosterSummary;
import app.tandem.family.roster.RosterSummary.Change;
import app.tandem.system.DistrictClock;
import app.tandem.system.Messages;

/**
 * Imports a progress file: checks every row first and writes nothing if any is wrong; otherwise writes the whole
 * file in one transaction. A week imported again replaces that week of the student, so the same file twice changes
 * nothing. Never logs what the file says.
 */
@Service
public class ProgressImporter {

    private final ProgressWeeks weeks;
    private final DraftChoices choices;
    private final Messages messages;
    private final DistrictClock clock;
    private final TransactionTemplate transaction;

    ProgressImporter(ProgressWeeks weeks, DraftChoices choices, Messages messages, DistrictClock clock,
                     TransactionTemplate transaction) {
        this.weeks = weeks;
        this.choices = choices;
        this.messages = messages;
        this.clock = clock;
        this.transaction = transaction;
    }

    public RosterImporter.Result importProgress(Reader file, RosterScope scope, RosterImporter.Progress progress)
            throws IOException {
        progress.at(Phase.CHECKING, 0, 0);
        ProgressCheck check = new ProgressCheck(scope, messages, weeks.studentsOf(scope.districtId()), choices,
                clock.today());
        check.read(file);
        if (!check.errors().isEmpty()) {
            return new RosterImporter.Result(check.errors(), null);
        }
        int total = check.rows.size();
        progress.at(Phase.IMPORTING, 0, total);
        RosterSummary summary = transaction.execute(status -> write(check.rows, scope));
        progress.at(Phase.IMPORTING, total, total);
        return new RosterImporter.Result(List.of(), summary);
    }

    private RosterSummary write(List<ProgressRow> rows, RosterScope scope) {
        RosterSummary summary = RosterSummary.of(List.of(ProgressColumns.RECORD));
        if (rows.isEmpty()) {
            return summary;
        }
        LocalDate first = rows.stream().map(ProgressRow::weekOf).min(Comparator.naturalOrder()).orElseThrow();
        LocalDate last = rows.stream().map(ProgressRow::weekOf).max(Comparator.naturalOrder()).orElseThrow();
        Map<String, ProgressRow> before = weeks.ofDistrict(scope.districtId(), first, last);
        List<ProgressRow> added = new ArrayList<>();
        List<ProgressRow> replaced = new ArrayList<>();
        for (ProgressRow row : rows) {
            ProgressRow was = before.get(ProgressWeeks.key(row.studentId(), row.weekOf()));
            if (was == null) {
                added.add(row);
                summary.count(ProgressColumns.RECORD, Change.ADDED);
            } else if (!row.sameAs(was)) {
                replaced.add(row);
                summary.count(ProgressColumns.RECORD, Change.UPDATED);
            } else {
                summary.count(ProgressColumns.RECORD, Change.UNCHANGED);
            }
        }
        weeks.insert(added, scope.username(), clock.now());
        weeks.replace(replaced, scope.username(), clock.now());
        return summary;
    }
}
