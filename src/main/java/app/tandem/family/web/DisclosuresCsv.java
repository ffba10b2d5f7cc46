package app.tandem.family.web;

import java.io.IOException;
import java.io.Writer;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;

import org.springframework.stereotype.Component;

import app.tandem.family.Disclosure;
import app.tandem.family.DisclosureLog;
import app.tandem.family.Student;
import app.tandem.system.DistrictClock;
import app.tandem.system.Messages;
import app.tandem.system.SpreadsheetCsv;

/** One student's disclosures as CSV (through {@link SpreadsheetCsv}), with what was sent, headers in the reader's language. */
@Component
class DisclosuresCsv {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Messages messages;
    private final DistrictClock clock;

    DisclosuresCsv(Messages messages, DistrictClock clock) {
        this.messages = messages;
        this.clock = clock;
    }

    void write(Student student, List<Disclosure> disclosures, LongFunction<Optional<DisclosureLog.Copy>> copies,
               Writer out) throws IOException {
        ZoneId zone = clock.zone();
        SpreadsheetCsv csv = SpreadsheetCsv.start(out, List.of(text("when"), text("studentNumber"), text("student"),
                text("to"), text("what"), text("cycleNo"), text("how"), text("language"), text("recordedBy"),
                text("subject"), text("text"), text("sha256")));
        for (Disclosure d : disclosures) {
            Optional<DisclosureLog.Copy> copy = copies.apply(d.id());
            csv.row(WHEN.format(d.disclosedAt().atZone(zone)), student.studentNumber(), d.studentName(),
                    d.caregiverName(), messages.text(d.kind().messageKey()), d.cycleNo(),
                    messages.text(d.channel().messageKey()), d.language(), d.recordedBy(),
                    copy.map(DisclosureLog.Copy::subject).orElse(""), copy.map(DisclosureLog.Copy::text).orElse(""),
                    copy.map(DisclosureLog.Copy::sha256).orElse(""));
        }
        csv.finish();
    }

    private String text(String column) {
        return messages.text("family.disclosures.csv." + column);
    }
}
