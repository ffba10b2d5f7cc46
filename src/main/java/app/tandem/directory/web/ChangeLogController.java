package app.tandem.directory.web;

import java.io.IOException;
import java.io.Writer;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import app.tandem.directory.ChangeLog;
import app.tandem.directory.LoggedChange;
import app.tandem.directory.SubjectKind;
import app.tandem.directory.Viewer;
import app.tandem.system.Messages;
import app.tandem.system.SpreadsheetCsv;
import app.tandem.system.DistrictClock;

/**
 * The audit log of administrative changes, newest first, of every kind or of one, and its export: operators read
 * every district's, program managers their own district's. Anyone else gets a 404, as if the page did not exist.
 */
@Controller
class ChangeLogController {

    static final int PAGE_SIZE = 50;
    private static final int EXPORT_LIMIT = 100_000;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ChangeLog changes;
    private final Messages messages;
    private final DistrictClock clock;

    ChangeLogController(ChangeLog changes, Messages messages, DistrictClock clock) {
        this.changes = changes;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/admin/changes")
    String page(Viewer who, @RequestParam(required = false) SubjectKind kind,
                @RequestParam(defaultValue = "1") int page, Model model) {
        Long district = who.administeredDistrict();
        int total = changes.count(district, kind);
        int pages = Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int shown = Math.min(Math.max(page, 1), pages);
        model.addAttribute("changes", changes.newest(district, kind, (shown - 1) * PAGE_SIZE, PAGE_SIZE));
        model.addAttribute("kind", kind);
        model.addAttribute("kinds", SubjectKind.values());
        model.addAttribute("page", shown);
        model.addAttribute("pages", pages);
        model.addAttribute("total", total);
        model.addAttribute("zone", clock.zoneOf(district));
        return "directory/changes";
    }

    @GetMapping("/admin/changes.csv")
    void export(Viewer who, @RequestParam(required = false) SubjectKind kind, Locale locale,
                HttpServletResponse response) throws IOException {
        Long district = who.administeredDistrict();
        List<LoggedChange> rows = changes.newest(district, kind, 0, EXPORT_LIMIT);
        ZoneId zone = clock.zoneOf(district);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"tandem-changes.csv\"");
        Writer out = response.getWriter();
        SpreadsheetCsv csv = SpreadsheetCsv.start(out, List.of(text(locale, "changeLog.when"),
                text(locale, "changeLog.kind"), text(locale, "changeLog.subject"), text(locale, "changeLog.what"),
                text(locale, "changeLog.before"), text(locale, "changeLog.after"), text(locale, "changeLog.by"),
                text(locale, "changeLog.how")));
        for (LoggedChange change : rows) {
            csv.row(WHEN.format(change.at().atZone(zone)), text(locale, change.kind().messageKey()),
                    change.subjectKey(), text(locale, change.field().messageKey()), change.before(), change.after(),
                    change.changedBy(), text(locale, change.source().messageKey()));
        }
        csv.finish();
    }

    /** The staff log's old address: the same log, showing staff changes. */
    @GetMapping("/admin/staff-changes")
    String staffChanges(Viewer who) {
        who.administeredDistrict();
        return "redirect:/admin/changes?kind=" + SubjectKind.STAFF;
    }

    @GetMapping("/admin/staff-changes.csv")
    String staffChangesExport(Viewer who) {
        who.administeredDistrict();
        return "redirect:/admin/changes.csv?kind=" + SubjectKind.STAFF;
    }

    private String text(Locale locale, String key) {
        return messages.text(locale, key);
    }
}
