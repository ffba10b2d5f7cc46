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

import app.tandem.directory.StaffChange;
import app.tandem.directory.StaffChanges;
import app.tandem.directory.Viewer;
import app.tandem.system.Messages;
import app.tandem.system.SpreadsheetCsv;
import app.tandem.system.DistrictClock;

/**
 * The staff audit log, newest first, and its export: operators read every district's, program managers their
 * own district's. Anyone else gets a 404, as if the page did not exist.
 */
@Controller
class StaffChangesController {

    static final int PAGE_SIZE = 50;
    private static final int EXPORT_LIMIT = 100_000;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final StaffChanges changes;
    private final Messages messages;
    private final DistrictClock clock;

    StaffChangesController(StaffChanges changes, Messages messages, DistrictClock clock) {
        this.changes = changes;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/admin/staff-changes")
    String page(Viewer who, @RequestParam(defaultValue = "1") int page, Model model) {
        Long district = who.administeredDistrict();
        int total = changes.count(district);
        int pages = Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int shown = Math.min(Math.max(page, 1), pages);
        model.addAttribute("changes", changes.newest(district, (shown - 1) * PAGE_SIZE, PAGE_SIZE));
        model.addAttribute("page", shown);
        model.addAttribute("pages", pages);
        model.addAttribute("total", total);
        model.addAttribute("zone", clock.zoneOf(district));
        return "directory/staff-changes";
    }

    @GetMapping("/admin/staff-changes.csv")
    void export(Viewer who, Locale locale, HttpServletResponse response) throws IOException {
        Long district = who.administeredDistrict();
        List<StaffChange> rows = changes.newest(district, 0, EXPORT_LIMIT);
        ZoneId zone = clock.zoneOf(district);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"tandem-staff-changes.csv\"");
        Writer out = response.getWriter();
        SpreadsheetCsv csv = SpreadsheetCsv.start(out, List.of(text(locale, "staffChange.when"),
                text(locale, "staffChange.person"), text(locale, "staffChange.what"), text(locale, "staffChange.before"),
                text(locale, "staffChange.after"), text(locale, "staffChange.by"), text(locale, "staffChange.how")));
        for (StaffChange change : rows) {
            csv.row(WHEN.format(change.at().atZone(zone)), change.username(),
                    text(locale, change.field().messageKey()), change.before(), change.after(), change.changedBy(),
                    text(locale, change.source().messageKey()));
        }
        csv.finish();
    }

    private String text(Locale locale, String key) {
        return messages.text(locale, key);
    }
}
