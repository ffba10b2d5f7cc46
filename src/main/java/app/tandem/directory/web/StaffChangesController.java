package app.tandem.directory.web;

import java.io.IOException;
import java.io.Writer;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import app.tandem.directory.Role;
import app.tandem.directory.StaffChange;
import app.tandem.directory.StaffChanges;
import app.tandem.directory.StaffDirectory;
import app.tandem.directory.StaffMember;
import app.tandem.system.Messages;
import app.tandem.system.SpreadsheetCsv;
import app.tandem.system.TandemProperties;

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
    private final StaffDirectory staff;
    private final Messages messages;
    private final ZoneId zone;

    StaffChangesController(StaffChanges changes, StaffDirectory staff, Messages messages, TandemProperties properties) {
        this.changes = changes;
        this.staff = staff;
        this.messages = messages;
        this.zone = properties.timeZone();
    }

    @GetMapping("/admin/staff-changes")
    String page(Authentication who, @RequestParam(defaultValue = "1") int page, Model model) {
        Long district = districtOf(who);
        int total = changes.count(district);
        int pages = Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int shown = Math.min(Math.max(page, 1), pages);
        model.addAttribute("changes", changes.newest(district, (shown - 1) * PAGE_SIZE, PAGE_SIZE));
        model.addAttribute("page", shown);
        model.addAttribute("pages", pages);
        model.addAttribute("total", total);
        model.addAttribute("zone", zone);
        return "directory/staff-changes";
    }

    @GetMapping("/admin/staff-changes.csv")
    void export(Authentication who, Locale locale, HttpServletResponse response) throws IOException {
        Long district = districtOf(who);
        List<StaffChange> rows = changes.newest(district, 0, EXPORT_LIMIT);
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

    /** The district whose log this person reads; null for an operator, who reads every district's. */
    private Long districtOf(Authentication who) {
        if (has(who, Role.OPERATOR)) {
            return null;
        }
        if (!has(who, Role.MANAGER)) {
            throw notFound();
        }
        Optional<StaffMember> member = staff.byUsername(who.getName());
        return member.map(StaffMember::districtId).orElseThrow(StaffChangesController::notFound);
    }

    private static boolean has(Authentication who, Role role) {
        return who.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + role.groupId()));
    }

    private String text(Locale locale, String key) {
        return messages.text(locale, key);
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
