package app.tandem.program.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.tandem.system.BackToList;
import app.tandem.system.FieldErrors;
import app.tandem.directory.ChangeSource;
import app.tandem.directory.ProgramYear;
import app.tandem.directory.School;
import app.tandem.directory.Term;
import app.tandem.directory.TermFilter;
import app.tandem.directory.TermPlan;
import app.tandem.directory.TermRow;
import app.tandem.directory.TermStatus;
import app.tandem.program.NextYear;
import app.tandem.program.ProgramStarts;
import app.tandem.program.TermDesk;
import app.tandem.program.SchoolProgramLauncher;
import app.tandem.program.TermCancelling;
import app.tandem.program.TermRedating;
import app.tandem.system.NotFound;
import app.tandem.directory.Viewer;
import app.tandem.system.InvalidInputException;
import app.tandem.system.Messages;
import app.tandem.system.Paged;

/**
 * A district's terms under /admin: plan one term or the same term for many schools, start programs
 * one by one or all at once, move a term's dates, cancel a term. Program managers see their own
 * district, operators every district; anyone else gets a 404.
 */
@Controller
class TermsController {

    private final TermDesk desk;
    private final SchoolProgramLauncher launcher;
    private final ProgramStarts starts;
    private final TermCancelling cancelling;
    private final TermRedating redating;
    private final NextYear nextYear;
    private final Messages messages;

    TermsController(TermDesk desk, SchoolProgramLauncher launcher, ProgramStarts starts,
                    TermCancelling cancelling, TermRedating redating, NextYear nextYear, Messages messages) {
        this.desk = desk;
        this.nextYear = nextYear;
        this.launcher = launcher;
        this.starts = starts;
        this.cancelling = cancelling;
        this.redating = redating;
        this.messages = messages;
    }

    @GetMapping("/admin/terms")
    String list(Viewer who, @RequestParam(required = false) String q, @RequestParam(required = false) String status,
                @RequestParam(required = false) String year, @RequestParam(required = false) Integer page,
                Model model) {
        return page(model, who, TermsQuery.of(q, status, year, page),
                TermForm.blank(desk.defaultCadence(who.districtId())), new FieldErrors());
    }

    @PostMapping("/admin/terms")
    String plan(Viewer who, @RequestParam(required = false) List<Long> schoolIds,
                @RequestParam(defaultValue = "false") boolean allSchools, @RequestParam String code,
                @RequestParam String name, @RequestParam String startsOn, @RequestParam String endsOn,
                @RequestParam(defaultValue = "") String checkInCadence, Model model, RedirectAttributes redirect) {
        TermForm form = new TermForm(schoolIds, allSchools, code.strip(), name.strip(), startsOn.strip(),
                endsOn.strip(), checkInCadence.strip());
        List<School> chosen = allSchools
                ? desk.openSchools(districtOf(who))
                : schoolsOf(who).stream().filter(s -> form.picked(s.id())).toList();
        FieldErrors errors = new FieldErrors();
        try {
            if (chosen.isEmpty()) {
                throw messages.invalid("schoolIds", "invalid.noSchools");
            }
            LocalDate first = date("startsOn", form.startsOn());
            LocalDate last = date("endsOn", form.endsOn());
            String cadence = form.checkInCadence().isEmpty() ? null : form.checkInCadence();
            List<Term> planned = desk.planAll(chosen.stream()
                    .map(s -> new TermPlan(s.id(), form.code(), form.name(), first, last, cadence))
                    .toList(), who.username(), ChangeSource.PAGE);
            redirect.addFlashAttribute("notice", messages.text("terms.planned", planned.size(), form.name()));
            // Where the new terms are: the one school's, or every planned term of their program year.
            TermsQuery shown = chosen.size() == 1 ? new TermsQuery(chosen.get(0).code(), null, "", 1)
                    : new TermsQuery("", TermStatus.PLANNED, desk.programYearOf(districtOf(who), first).name(), 1);
            return "redirect:" + shown.page(1);
        } catch (InvalidInputException refused) {
            errors.add(refused);
            return page(model, who, TermsQuery.everything(), form, errors);
        }
    }

    @PostMapping("/admin/terms/{termId}/start")
    String start(Viewer who, @PathVariable long termId, @RequestParam(required = false) String back,
                 RedirectAttributes redirect) {
        TermRow row = row(who, termId);
        try {
            launcher.start(termId, who.username(), ChangeSource.PAGE);
            redirect.addFlashAttribute("notice", messages.text("terms.started", row.schoolName(), row.term().name()));
        } catch (InvalidInputException refused) {
            redirect.addFlashAttribute("refusal", refused.getMessage());
        }
        return BackToList.redirect("/admin/terms", back);
    }

    /** An operator names the district; a manager starts their own. */
    @PostMapping("/admin/terms/start-all")
    String startAll(Viewer who, @RequestParam(required = false) Long districtId,
                    @RequestParam(defaultValue = "") String programYear, Locale locale, RedirectAttributes redirect) {
        Long managed = districtOf(who);
        Long district = managed != null ? managed : districtId;
        if (district == null || desk.district(district).isEmpty()) {
            redirect.addFlashAttribute("refusal", messages.text("terms.startAll.pickDistrict"));
            return "redirect:/admin/terms";
        }
        try {
            return "redirect:/admin/terms/starts/" + starts.begin(district, programYear, who.username(), locale);
        } catch (InvalidInputException refused) {
            redirect.addFlashAttribute("refusal", refused.getMessage());
            return "redirect:/admin/terms";
        }
    }

    @PostMapping("/admin/terms/next-year")
    String planNextYear(Viewer who, RedirectAttributes redirect) {
        try {
            NextYear.Outcome outcome = nextYear.plan(districtOf(who), who.username(), ChangeSource.PAGE);
            redirect.addFlashAttribute("notice", messages.text("terms.nextYear.planned", outcome.planned().size()));
            redirect.addFlashAttribute("skipped", outcome.skipped());
        } catch (InvalidInputException refused) {
            redirect.addFlashAttribute("refusal", messages.text("terms.nextYear.refused", refused.getMessage()));
        }
        return "redirect:/admin/terms";
    }

    @GetMapping("/admin/terms/starts/{id}")
    String startJob(Viewer who, @PathVariable String id, Model model) {
        districtOf(who);
        model.addAttribute("job", starts.find(id, who.username()).orElseThrow(NotFound::answer));
        return "program/start-job";
    }

    @GetMapping("/admin/terms/starts/{id}/status")
    String startJobStatus(Viewer who, @PathVariable String id, Model model) {
        districtOf(who);
        model.addAttribute("job", starts.find(id, who.username()).orElseThrow(NotFound::answer));
        return "program/start-job :: status";
    }

    @GetMapping("/admin/terms/{termId}")
    String term(Viewer who, @PathVariable long termId, Model model) {
        TermRow row = row(who, termId);
        return termPage(model, row, row.term().startsOn().toString(), row.term().endsOn().toString(), "",
                new FieldErrors());
    }

    @PostMapping("/admin/terms/{termId}/dates")
    String changeDates(Viewer who, @PathVariable long termId, @RequestParam String startsOn,
                       @RequestParam String endsOn, Model model, RedirectAttributes redirect) {
        TermRow row = row(who, termId);
        try {
            redating.change(termId, date("startsOn", startsOn.strip()), date("endsOn", endsOn.strip()), who.username(),
                    ChangeSource.PAGE);
            redirect.addFlashAttribute("notice", messages.text("terms.redated", row.schoolName(), row.term().name()));
            return "redirect:/admin/terms/" + termId;
        } catch (InvalidInputException refused) {
            FieldErrors errors = new FieldErrors();
            errors.add(refused);
            return termPage(model, row, startsOn, endsOn, "", errors);
        }
    }

    @PostMapping("/admin/terms/{termId}/cancel")
    String cancel(Viewer who, @PathVariable long termId, @RequestParam(defaultValue = "") String cancelReason,
                  Model model, RedirectAttributes redirect) {
        TermRow row = row(who, termId);
        try {
            cancelling.cancel(termId, cancelReason, who.username(), ChangeSource.PAGE);
            redirect.addFlashAttribute("notice", messages.text("terms.cancelled", row.schoolName(), row.term().name()));
            return "redirect:/admin/terms/" + termId;
        } catch (InvalidInputException refused) {
            FieldErrors errors = new FieldErrors();
            errors.add(refused);
            return termPage(model, row, row.term().startsOn().toString(), row.term().endsOn().toString(),
                    cancelReason, errors);
        }
    }

    @PostMapping("/admin/terms/{termId}/sessions-target")
    String changeSessionsTarget(Viewer who, @PathVariable long termId, @RequestParam(defaultValue = "") String sessionsTarget,
                                Model model, RedirectAttributes redirect) {
        TermRow row = row(who, termId);
        try {
            desk.setSessionsTarget(termId, sessionsTarget);
            redirect.addFlashAttribute("notice", messages.text("terms.sessionsTarget.set", row.schoolName(),
                    row.term().name()));
            return "redirect:/admin/terms/" + termId;
        } catch (InvalidInputException refused) {
            FieldErrors errors = new FieldErrors();
            errors.add(refused);
            model.addAttribute("sessionsTarget", sessionsTarget);
            return termPage(model, row, row.term().startsOn().toString(), row.term().endsOn().toString(), "", errors);
        }
    }

    private String page(Model model, Viewer who, TermsQuery query, TermForm form, FieldErrors errors) {
        Long district = districtOf(who);
        Optional<ProgramYear> year = desk.programYear(district, query.year());
        Paged<TermRow> rows = desk.search(district, TermFilter.of(query.text(), query.status(), year.orElse(null)),
                query.page());
        model.addAttribute("rows", rows);
        model.addAttribute("query", query);
        model.addAttribute("statuses", TermStatus.values());
        model.addAttribute("years", desk.programYears(district));
        model.addAttribute("districts", district == null ? desk.districts() : List.of());
        model.addAttribute("startYears", district == null ? List.of() : starts.yearsWithPlannedTerms(district));
        model.addAttribute("schools", schoolsOf(who));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "program/terms";
    }

    private String termPage(Model model, TermRow row, String startsOn, String endsOn, String cancelReason,
                            FieldErrors errors) {
        model.addAttribute("row", row);
        model.addAttribute("startsOn", startsOn);
        model.addAttribute("endsOn", endsOn);
        model.addAttribute("cancelReason", cancelReason);
        model.addAttribute("errors", errors);
        if (!model.containsAttribute("sessionsTarget")) {
            model.addAttribute("sessionsTarget", desk.sessionsTarget(row.term().id()));
        }
        return "program/term";
    }

    private TermRow row(Viewer who, long termId) {
        return desk.row(termId, districtOf(who)).orElseThrow(NotFound::answer);
    }

    private List<School> schoolsOf(Viewer who) {
        Long district = districtOf(who);
        return desk.schools(district);
    }

    /** The district whose terms this person manages; null for an operator, who manages every district's. */
    private static Long districtOf(Viewer who) {
        if (who.operator()) {
            return null;
        }
        if (!who.manager() || !who.onStaff()) {
            throw NotFound.answer();
        }
        return who.districtId();
    }

    private LocalDate date(String field, String text) {
        if (text == null || text.isBlank()) {
            throw messages.invalid(field, "invalid.required");
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw messages.invalid(field, "invalid.date", text);
        }
    }
}
