package app.tandem.family.progress;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import app.tandem.family.DraftChoices;
import app.tandem.family.UpdateDraft;
import app.tandem.family.roster.CsvSheet;
import app.tandem.family.roster.RosterError;
import app.tandem.family.roster.RosterScope;
import app.tandem.family.roster.SheetRow;
import app.tandem.forms.FormOption;
import app.tandem.system.Messages;

/**
 * Reads and checks a whole progress file before anything is written, as the roster import does: every problem with
 * its row, column and reason.
 */
final class ProgressCheck {

    static final int MAX_SESSIONS = 20;
    static final int MAX_MINUTES = 3000;

    final List<ProgressRow> rows = new ArrayList<>();

    private final RosterScope scope;
    private final Map<String, Known> students;
    private final DraftChoices choices;
    private final LocalDate today;
    private final CsvSheet sheet;

    /** A student of the district: their id and school. */
    record Known(long id, long schoolId) {
    }

    /** @param students the district's students by student number */
    ProgressCheck(RosterScope scope, Messages messages, Map<String, Known> students, DraftChoices choices,
                  LocalDate today) {
        this.scope = scope;
        this.students = students;
        this.choices = choices;
        this.today = today;
        this.sheet = new CsvSheet(messages, scope.locale());
    }

    void read(Reader reader) throws IOException {
        Set<String> seen = new HashSet<>();
        for (SheetRow row : sheet.read(reader, ProgressColumns.ALL, ProgressColumns.STUDENT)) {
            check(row, seen);
        }
    }

    List<RosterError> errors() {
        return sheet.errors();
    }

    private void check(SheetRow row, Set<String> seen) {
        Known student = student(row);
        LocalDate week = week(row);
        Integer scheduled = required(row, ProgressColumns.SCHEDULED, MAX_SESSIONS);
        Integer attended = required(row, ProgressColumns.ATTENDED, MAX_SESSIONS);
        Integer minutes = required(row, ProgressColumns.MINUTES, MAX_MINUTES);
        if (scheduled != null && attended != null && attended > scheduled) {
            row.error(ProgressColumns.ATTENDED, "progress.error.attendedOverScheduled", attended, scheduled);
        }
        String subject = choice(row, ProgressColumns.SUBJECT, UpdateDraft.SUBJECT, choices.subjects());
        String assessment = row.get(ProgressColumns.ASSESSMENT);
        LocalDate assessedOn = row.date(ProgressColumns.ASSESSMENT_DATE);
        BigDecimal score = row.decimal(ProgressColumns.SCORE);
        String placement = choice(row, ProgressColumns.PLACEMENT, UpdateDraft.STANDING, choices.standings());
        boolean anyAssessment = assessment != null || row.get(ProgressColumns.ASSESSMENT_DATE) != null
                || row.get(ProgressColumns.SCORE) != null || row.get(ProgressColumns.PLACEMENT) != null;
        if (anyAssessment) {
            if (assessment == null) {
                row.error(ProgressColumns.ASSESSMENT, "progress.error.assessmentName");
            }
            if (row.get(ProgressColumns.ASSESSMENT_DATE) == null) {
                row.error(ProgressColumns.ASSESSMENT_DATE, "progress.error.assessmentDate");
            } else if (assessedOn != null && assessedOn.isAfter(today)) {
                row.error(ProgressColumns.ASSESSMENT_DATE, "roster.error.future", assessedOn);
            }
            if (row.get(ProgressColumns.PLACEMENT) == null) {
                row.error(ProgressColumns.PLACEMENT, "progress.error.placementRequired", values(choices.standings()));
            }
        }
        row.maxLength(ProgressColumns.ASSESSMENT, 100);
        if (student != null && week != null && !seen.add(student.id() + "/" + week)) {
            row.error(ProgressColumns.WEEK, "progress.error.duplicateWeek", row.get(ProgressColumns.STUDENT), week);
        }
        if (row.clean()) {
            rows.add(new ProgressRow(student.id(), week, scheduled, attended, minutes, subject, assessment, assessedOn,
                    score, placement));
        }
    }

    private Known student(SheetRow row) {
        String number = row.required(ProgressColumns.STUDENT);
        if (number == null) {
            return null;
        }
        Known student = students.get(number);
        if (student == null) {
            row.error(ProgressColumns.STUDENT, "progress.error.unknownStudent", number);
        } else if (!scope.mayChange(student.schoolId())) {
            row.error(ProgressColumns.STUDENT, "roster.error.notYourStudent", number);
            return null;
        }
        return student;
    }

    private LocalDate week(SheetRow row) {
        if (row.required(ProgressColumns.WEEK) == null) {
            return null;
        }
        LocalDate week = row.date(ProgressColumns.WEEK);
        if (week == null) {
            return null;
        }
        if (week.getDayOfWeek() != DayOfWeek.MONDAY) {
            row.error(ProgressColumns.WEEK, "progress.error.notMonday", week);
            return null;
        }
        if (week.isAfter(today)) {
            row.error(ProgressColumns.WEEK, "progress.error.futureWeek", week);
            return null;
        }
        return week;
    }

    private static Integer required(SheetRow row, String column, int max) {
        return row.required(column) == null ? null : row.wholeNumber(column, 0, max);
    }

    private static String choice(SheetRow row, String column, String key, List<FormOption> options) {
        String text = row.get(column);
        if (text == null) {
            return null;
        }
        String value = text.toLowerCase(Locale.ROOT);
        if (options.stream().noneMatch(option -> option.value().equals(value))) {
            row.error(column, "progress.error." + key, text, values(options));
            return null;
        }
        return value;
    }

    private static String values(List<FormOption> options) {
        return options.stream().map(FormOption::value).collect(Collectors.joining(", "));
    }
}
