package app.tandem.assessment.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.tandem.assessment.AssessmentThresholds;
import app.tandem.assessment.Decision;
import app.tandem.assessment.Decisions;
import app.tandem.assessment.Rating;
import app.tandem.assessment.Report;
import app.tandem.assessment.SelfAssessment;
import app.tandem.assessment.Thresholds;
import app.tandem.dashboard.Indicator;
import app.tandem.dashboard.DistrictDashboard;
import app.tandem.directory.District;
import app.tandem.directory.Role;
import app.tandem.directory.School;
import app.tandem.directory.Viewer;
import app.tandem.system.FieldErrors;
import app.tandem.system.InvalidInputException;
import app.tandem.system.Messages;
import app.tandem.system.NotFound;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The self-assessment of indicators 4d and 4e: a district's and a school's report, as a page and as a PDF,
 * a manager's confirmation or override of each rating, and the district's thresholds.
 */
@Controller
class AssessmentController {

    private static final String REPORT = "assessment/report";

    private final AssessmentAccess access;
    private final SelfAssessment assessment;
    private final AssessmentThresholds thresholds;
    private final Decisions decisions;
    private final ReportPdf pdf;
    private final DistrictDashboard dashboard;
    private final Messages messages;

    AssessmentController(AssessmentAccess access, SelfAssessment assessment, AssessmentThresholds thresholds,
                         Decisions decisions, ReportPdf pdf,
                         DistrictDashboard dashboard, Messages messages) {
        this.dashboard = dashboard;
        this.access = access;
        this.assessment = assessment;
        this.thresholds = thresholds;
        this.decisions = decisions;
        this.pdf = pdf;
        this.messages = messages;
    }

    /** Where the dashboard's and the board briefing's links lead: the viewer's own report, or a choice of them. */
    @GetMapping("/assessment")
    String start(Viewer viewer, Model model) {
        if (viewer.hasAny(Role.MANAGER, Role.OPERATOR) && viewer.onStaff()) {
            return "redirect:/assessment/districts/" + viewer.districtId();
        }
        if (viewer.operator()) {
            model.addAttribute("districts", access.everyDistrict());
            model.addAttribute("schools", List.of());
            return "assessment/index";
        }
        if (!viewer.has(Role.SCHOOL_LEADER) || viewer.schoolIds().isEmpty()) {
            throw NotFound.answer();
        }
        if (viewer.schoolIds().size() == 1) {
            return "redirect:/assessment/schools/" + viewer.schoolIds().iterator().next();
        }
        model.addAttribute("districts", List.of());
        model.addAttribute("schools", access.schoolsOf(viewer));
        return "assessment/index";
    }

    /** The latest report of the viewer's district as a PDF, for the school board briefing. */
    @GetMapping("/assessment/report.pdf")
    String latestPdf(Viewer viewer) {
        if (!viewer.hasAny(Role.MANAGER, Role.OPERATOR) || !viewer.onStaff()) {
            throw NotFound.answer();
        }
        return "redirect:/assessment/districts/" + viewer.districtId() + "/report.pdf";
    }

    @GetMapping("/assessment/districts/{districtId}")
    String district(Viewer viewer, @PathVariable long districtId, @RequestParam(required = false) String year,
                    Model model) {
        District district = access.district(viewer, districtId);
        return report(model, assessment.ofDistrict(district, year), true);
    }

    @GetMapping("/assessment/districts/{districtId}/report.pdf")
    ResponseEntity<byte[]> districtPdf(Viewer viewer, @PathVariable long districtId,
                                       @RequestParam(required = false) String year, Model model, Locale locale,
                                       HttpServletRequest request, HttpServletResponse response) throws Exception {
        District district = access.district(viewer, districtId);
        Report report = assessment.ofDistrict(district, year);
        report(model, report, false);
        return pdf(model, district.code() + "-" + report.year().name(), locale, request, response);
    }

    @GetMapping("/assessment/schools/{schoolId}")
    String school(Viewer viewer, @PathVariable long schoolId, @RequestParam(required = false) String year,
                  Model model) {
        School school = access.school(viewer, schoolId);
        return report(model, assessment.ofSchool(school, year), false);
    }

    @GetMapping("/assessment/schools/{schoolId}/report.pdf")
    ResponseEntity<byte[]> schoolPdf(Viewer viewer, @PathVariable long schoolId,
                                     @RequestParam(required = false) String year, Model model, Locale locale,
                                     HttpServletRequest request, HttpServletResponse response) throws Exception {
        School school = access.school(viewer, schoolId);
        Report report = assessment.ofSchool(school, year);
        report(model, report, false);
        return pdf(model, school.code() + "-" + report.year().name(), locale, request, response);
    }

    @GetMapping("/assessment/districts/{districtId}/ratings/{code}")
    String rating(Viewer viewer, @PathVariable long districtId, @PathVariable String code,
                  @RequestParam(required = false) String year, Model model) {
        District district = access.district(viewer, districtId);
        Indicator indicator = Indicator.byCode(code).orElseThrow(NotFound::answer);
        Report report = assessment.ofDistrict(district, year);
        Report.Line line = report.line(indicator);
        Rating shown = line.rating();
        return ratingForm(model, report, line, shown == null ? "" : shown.name(),
                line.decision() == null ? "" : line.decision().note(), new FieldErrors());
    }

    @PostMapping("/assessment/districts/{districtId}/ratings/{code}")
    String decide(Viewer viewer, @PathVariable long districtId, @PathVariable String code,
                  @RequestParam(required = false) String year, @RequestParam(required = false) String rating,
                  @RequestParam(required = false) String note, Model model, RedirectAttributes redirect) {
        District district = access.district(viewer, districtId);
        Indicator indicator = Indicator.byCode(code).orElseThrow(NotFound::answer);
        try {
            Decision decision = assessment.decide(district, year, indicator, rating, note, viewer.username());
            redirect.addFlashAttribute("notice", messages.text(decision.confirmed()
                    ? "assessment.decision.confirmedNotice" : "assessment.decision.overriddenNotice",
                    indicator.code(), messages.text(decision.rating().messageKey())));
            return "redirect:/assessment/districts/" + districtId + "?year=" + decision.programYear() + "#"
                    + indicator.anchor();
        } catch (InvalidInputException problem) {
            FieldErrors errors = new FieldErrors();
            errors.add(problem);
            Report report = assessment.ofDistrict(district, year);
            return ratingForm(model, report, report.line(indicator), rating == null ? "" : rating,
                    note == null ? "" : note, errors);
        }
    }

    @GetMapping("/assessment/districts/{districtId}/thresholds")
    String thresholds(Viewer viewer, @PathVariable long districtId, Model model) {
        District district = access.district(viewer, districtId);
        Map<String, String> entry = new java.util.HashMap<>();
        thresholds.of(districtId).forEach((indicator, t) -> {
            entry.put(AssessmentThresholds.field("inPlaceFrom", indicator), String.valueOf(t.inPlaceFrom()));
            entry.put(AssessmentThresholds.field("partlyFrom", indicator), String.valueOf(t.partlyFrom()));
        });
        return thresholdForm(model, district, entry, new FieldErrors());
    }

    @PostMapping("/assessment/districts/{districtId}/thresholds")
    String saveThresholds(Viewer viewer, @PathVariable long districtId, @RequestParam Map<String, String> form,
                          Model model, RedirectAttributes redirect) {
        District district = access.district(viewer, districtId);
        FieldErrors errors = new FieldErrors();
        Map<Indicator, Thresholds> read = thresholds.read(form, errors);
        if (read == null) {
            return thresholdForm(model, district, form, errors);
        }
        thresholds.save(districtId, read);
        redirect.addFlashAttribute("notice", messages.text("assessment.thresholds.saved"));
        return "redirect:/assessment/districts/" + districtId;
    }

    private String report(Model model, Report report, boolean mayDecide) {
        model.addAttribute("report", report);
        model.addAttribute("indicators", Indicator.values());
        model.addAttribute("mayDecide", mayDecide);
        model.addAttribute("pdf", false);
        model.addAttribute("closeOutWithin", dashboard.closeOutWithinDays(report.districtId()));
        model.addAttribute("deciders", names(report.lines().stream()
                .map(Report.Line::decision).filter(java.util.Objects::nonNull).map(Decision::decidedBy).toList()));
        return REPORT;
    }

    private ResponseEntity<byte[]> pdf(Model model, String name, Locale locale, HttpServletRequest request,
                                       HttpServletResponse response) throws Exception {
        byte[] document = pdf.render(REPORT, model.asMap(), locale, request, response);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("self-assessment-" + name + ".pdf").build().toString())
                .body(document);
    }

    private String ratingForm(Model model, Report report, Report.Line line, String rating, String note,
                              FieldErrors errors) {
        List<Decision> history = decisions.history(report.districtId(), report.year().name()).stream()
                .filter(d -> d.indicator() == line.indicator()).toList();
        model.addAttribute("report", report);
        model.addAttribute("line", line);
        model.addAttribute("ratings", Rating.values());
        model.addAttribute("rating", rating);
        model.addAttribute("note", note);
        model.addAttribute("errors", errors);
        model.addAttribute("history", history);
        model.addAttribute("deciders", names(history.stream().map(Decision::decidedBy).toList()));
        return "assessment/rating";
    }

    private String thresholdForm(Model model, District district, Map<String, String> entry, FieldErrors errors) {
        model.addAttribute("district", district);
        model.addAttribute("indicators", Indicator.values());
        model.addAttribute("entry", entry);
        model.addAttribute("errors", errors);
        model.addAttribute("defaults", thresholds.defaults());
        model.addAttribute("kinds", List.of("inPlaceFrom", "partlyFrom"));
        return "assessment/thresholds";
    }

    private Map<String, String> names(List<String> usernames) {
        return assessment.namesOf(usernames);
    }
}
