package app.tandem.dashboard.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Execution;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import app.tandem.dashboard.DistrictDashboard;
import app.tandem.dashboard.Evidence;
import app.tandem.dashboard.Indicator;
import app.tandem.dashboard.MilestoneDetails;
import app.tandem.dashboard.Phase;
import app.tandem.dashboard.ProgramRow;
import app.tandem.dashboard.RowStatus;
import app.tandem.dashboard.SchoolRow;
import app.tandem.dashboard.Scope;
import app.tandem.dashboard.Share;
import app.tandem.dashboard.TermChoice;
import app.tandem.dashboard.UnstaffedWork;
import app.tandem.directory.Viewer;
import app.tandem.program.MeetingPlan;
import app.tandem.program.MilestoneKind;
import app.tandem.program.SchoolProgram;
import app.tandem.program.TermDesk;
import app.tandem.system.DistrictClock;
import app.tandem.system.NotFound;
import jakarta.servlet.http.HttpServletResponse;

/** The manager dashboard: the district list, one school's term, one milestone's record, the diagram. */
@Controller
class DashboardController {

    private final DashboardAccess access;
    private final DistrictDashboard dashboard;
    private final Evidence evidence;
    private final MilestoneDetails details;
    private final ProcessDiagram diagram;
    private final RuntimeService runtime;
    private final Charts charts;
    private final CsvExport csv;
    private final DistrictClock clock;
    private final UnstaffedWork unstaffed;
    private final TermDesk termDesk;

    DashboardController(DashboardAccess access, DistrictDashboard dashboard, Evidence evidence, MilestoneDetails details,
                        ProcessDiagram diagram, RuntimeService runtime, Charts charts,
                        CsvExport csv, DistrictClock clock, UnstaffedWork unstaffed, TermDesk termDesk) {
        this.termDesk = termDesk;
        this.unstaffed = unstaffed;
        this.access = access;
        this.dashboard = dashboard;
        this.evidence = evidence;
        this.details = details;
        this.diagram = diagram;
        this.runtime = runtime;
        this.charts = charts;
        this.csv = csv;
        this.clock = clock;
    }

    @GetMapping("/dashboard")
    String district(Viewer person, @RequestParam(required = false) String q,
                    @RequestParam(required = false) String phase, @RequestParam(required = false) String status,
                    @RequestParam(required = false) String sort, @RequestParam(required = false) String dir,
                    @RequestParam(required = false) Integer page, @RequestParam(required = false) String terms,
                    @RequestParam(required = false) String term, Model model) {
        Scope scope = access.scopeOf(person);
        TermChoice chosen = chosen(scope, terms, term);
        DistrictDashboard.Overview overview = dashboard.overview(scope, chosen);
        DashboardQuery query = DashboardQuery.of(q, phase, status, sort, dir, page, chosen);
        model.addAttribute("programYears", termDesk.programYears(scope.districtId()));
        model.addAttribute("termNames", evidence.termNames(scope, chosen,
                clock.forDistrict(scope.districtId()).today()));
        DashboardQuery.Page rows = query.page(overview.rows());
        model.addAttribute("query", query);
        model.addAttribute("page", rows);
        model.addAttribute("overview", overview);
        model.addAttribute("schoolCount", overview.rows().stream().map(r -> r.program().schoolId()).distinct().count());
        model.addAttribute("indicators", Indicator.values());
        model.addAttribute("phases", Phase.values());
        model.addAttribute("statuses", RowStatus.values());
        model.addAttribute("wholeDistrict", scope.wholeDistrict());
        model.addAttribute("indicatorChart", charts.indicatorsPerSchool(rows.rows()));
        model.addAttribute("overdueChart", charts.overdueByRole(overview.overdueByRole()));
        model.addAttribute("checkInChart", charts.checkInsOverTime(overview.checkInsByDueDay()));
        model.addAttribute("closeOutWithin", dashboard.closeOutWithinDays(scope.districtId()));
        model.addAttribute("unstaffed", scope.wholeDistrict() ? unstaffed.waiting(scope) : List.of());
        return "dashboard/district";
    }

    @GetMapping("/dashboard/export.csv")
    void export(Viewer person, @RequestParam(required = false) String q,
                @RequestParam(required = false) String phase, @RequestParam(required = false) String status,
                @RequestParam(required = false) String sort, @RequestParam(required = false) String dir,
                @RequestParam(required = false) String terms, @RequestParam(required = false) String term,
                HttpServletResponse response) throws IOException {
        Scope scope = access.scopeOf(person);
        TermChoice chosen = chosen(scope, terms, term);
        List<SchoolRow> rows = DashboardQuery.of(q, phase, status, sort, dir, 1, chosen)
                .filter(dashboard.overview(scope, chosen).rows());
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"tandem-dashboard-" + clock.forDistrict(scope.districtId()).today() + ".csv\"");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        csv.write(rows, out);
        out.flush();
    }

    /** Today's terms unless the address asks for a program year or every term; an unknown year falls back to today's. */
    private TermChoice chosen(Scope scope, String terms, String term) {
        if (terms == null || terms.isBlank() || TermChoice.CURRENT.equals(terms)) {
            return TermChoice.current(term);
        }
        if (TermChoice.ALL.equals(terms)) {
            return TermChoice.every(term);
        }
        return termDesk.programYear(scope.districtId(), terms).map(year -> TermChoice.of(year, term))
                .orElseGet(() -> TermChoice.current(term));
    }

    @GetMapping("/dashboard/indicators/{code}")
    String indicator(Viewer person, @PathVariable String code, @RequestParam(required = false) Integer page,
                     Model model) {
        Scope scope = access.scopeOf(person);
        Indicator indicator = Indicator.byCode(code).orElseThrow(NotFound::answer);
        DistrictDashboard.Overview overview = dashboard.overview(scope);
        DashboardQuery query = DashboardQuery.of(null, null, null, code, "asc", page);
        DashboardQuery.Page rows = query.page(overview.rows());
        model.addAttribute("indicator", indicator);
        model.addAttribute("share", overview.district().getOrDefault(indicator, Share.NO_DATA));
        model.addAttribute("query", query);
        model.addAttribute("page", rows);
        model.addAttribute("attendance", indicator == Indicator.CHECK_INS
                ? details.checkInAttendance(rows.rows().stream().map(row -> row.program().termId()).toList())
                : Map.of());
        model.addAttribute("closeOutWithin", dashboard.closeOutWithinDays(scope.districtId()));
        return "dashboard/indicator";
    }

    @GetMapping("/dashboard/terms/{termId}")
    String term(Viewer person, @PathVariable long termId, Model model) {
        ProgramRow program = evidence.program(termId).orElseThrow(NotFound::answer);
        Scope scope = access.scopeFor(person, program.schoolId());
        SchoolRow row = dashboard.row(program);
        List<Evidence.MilestoneRecord> records = evidence.milestonesOfTerm(termId);
        List<Evidence.MilestoneRecord> checkIns = records.stream()
                .filter(m -> m.kind() == MilestoneKind.CHECK_IN)
                .sorted(Comparator.comparingInt(Evidence.MilestoneRecord::sequenceNo))
                .toList();
        boolean running = program.standing().phase() != Phase.CLOSED;
        List<String> here = running ? activeActivities(program.standing().processInstanceId())
                : List.of(SchoolProgram.PROGRAM_CLOSED);
        model.addAttribute("row", row);
        model.addAttribute("program", program);
        model.addAttribute("indicators", Indicator.values());
        model.addAttribute("timeline", timeline(program, records));
        model.addAttribute("cycles", dashboard.caregivers().cyclesOf(termId));
        model.addAttribute("checkInChart", charts.checkInsOfTerm(checkIns, clock.forDistrict(program.districtId()).today()));
        // One school's term: the diagram counts this program only, not the district's.
        Map<String, Integer> own = new HashMap<>();
        here.forEach(activity -> own.merge(activity, 1, Integer::sum));
        model.addAttribute("diagram", diagram.view(own, here));
        model.addAttribute("here", here);
        model.addAttribute("cockpit", scope.operator() && running
                ? "/camunda/app/cockpit/default/#/process-instance/" + program.standing().processInstanceId() + "/runtime"
                : null);
        model.addAttribute("closeOutWithin", ChronoUnit.DAYS.between(program.endsOn(), closeOutDue(program)));
        return "dashboard/term";
    }

    @GetMapping("/dashboard/milestones/{id}")
    String milestone(Viewer person, @PathVariable long id, Model model) {
        Evidence.MilestoneRecord record = evidence.milestone(id).orElseThrow(NotFound::answer);
        access.scopeFor(person, record.schoolId());
        ProgramRow program = evidence.program(record.termId()).orElseThrow(NotFound::answer);
        model.addAttribute("record", record);
        model.addAttribute("program", program);
        model.addAttribute("entry", entry(record, details.planOf(record.id()).orElse(null)));
        MilestoneDetails.Detail detail = details.of(record);
        model.addAttribute("recordedBy", detail.recordedBy());
        model.addAttribute("attendees", detail.attendees());
        model.addAttribute("invitees", detail.invitees());
        model.addAttribute("minutes", detail.minutes());
        model.addAttribute("summary", detail.summary());
        model.addAttribute("students", detail.students());
        return "dashboard/milestone";
    }

    @GetMapping("/dashboard/diagram")
    String processDiagram(Viewer person, Model model) {
        Scope scope = access.scopeOf(person);
        Map<String, Integer> counts = countsWithClosed(scope);
        model.addAttribute("diagram", diagram.view(counts, List.of()));
        model.addAttribute("wholeDistrict", scope.wholeDistrict());
        return "dashboard/diagram";
    }

    /** The schools whose program is at one step of the diagram now: where a count on the diagram leads. */
    @GetMapping("/dashboard/diagram/{activityId}")
    String atStep(Viewer person, @PathVariable String activityId, Model model) {
        Scope scope = access.scopeOf(person);
        ProcessDiagram.Shape step = diagram.view(Map.of(), List.of()).shapes().stream()
                .filter(shape -> shape.id().equals(activityId)).findFirst().orElseThrow(NotFound::answer);
        Set<String> here = SchoolProgram.PROGRAM_CLOSED.equals(activityId) ? Set.of()
                : runtime.createExecutionQuery().processDefinitionKey(SchoolProgram.PROCESS_KEY).activityId(activityId)
                        .list().stream().map(Execution::getProcessInstanceId).collect(Collectors.toSet());
        List<ProgramRow> programs = evidence.programs(scope).stream()
                .filter(p -> SchoolProgram.PROGRAM_CLOSED.equals(activityId) ? p.standing().phase() == Phase.CLOSED
                        : here.contains(p.standing().processInstanceId()))
                .sorted(Comparator.comparing(ProgramRow::schoolName, String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(ProgramRow::startsOn))
                .toList();
        model.addAttribute("step", step);
        model.addAttribute("programs", programs);
        return "dashboard/step";
    }

    /**
     * Programs at each activity. For a district, the engine's own activity statistics (one grouped query
     * per deployed version; they count every program the engine runs, and one Tandem serves one district);
     * for a school leader, their few programs one by one. Closed programs wait nowhere, so the end event
     * shows how many have closed.
     */
    private Map<String, Integer> countsWithClosed(Scope scope) {
        List<ProgramRow> programs = evidence.programs(scope);
        Map<String, Integer> counts = new HashMap<>();
        if (scope.wholeDistrict()) {
            counts.putAll(diagram.countsByActivity());
        } else {
            for (ProgramRow program : programs) {
                if (program.standing().phase() != Phase.CLOSED) {
                    for (String activity : activeActivities(program.standing().processInstanceId())) {
                        counts.merge(activity, 1, Integer::sum);
                    }
                }
            }
        }
        int closed = (int) programs.stream().filter(p -> p.standing().phase() == Phase.CLOSED).count();
        if (closed > 0) {
            counts.put(SchoolProgram.PROGRAM_CLOSED, closed);
        }
        return counts;
    }

    private List<String> activeActivities(String processInstanceId) {
        if (runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count() == 0) {
            return List.of();
        }
        return runtime.getActiveActivityIds(processInstanceId);
    }

    /** The term's milestones in the order they happen, with the alignment and close-out shown even before they are planned. */
    private List<TimelineEntry> timeline(ProgramRow program, List<Evidence.MilestoneRecord> records) {
        Map<Long, MeetingPlan> plans = details.plansOfTerm(program.termId());
        List<TimelineEntry> entries = new ArrayList<>(records.stream()
                .map(record -> entry(record, plans.get(record.id()))).toList());
        if (records.stream().noneMatch(r -> r.kind() == MilestoneKind.ALIGNMENT_MEETING)) {
            entries.add(new TimelineEntry(MilestoneKind.ALIGNMENT_MEETING, 1, null, null,
                    program.startsOn().minusDays(1), null, null, null, false, null));
        }
        if (records.stream().noneMatch(r -> r.kind() == MilestoneKind.CLOSE_OUT_MEETING)) {
            entries.add(new TimelineEntry(MilestoneKind.CLOSE_OUT_MEETING, 1, null, null,
                    closeOutDue(program), null, null, null, false, null));
        }
        entries.sort(Comparator.comparing(TimelineEntry::kind).thenComparingInt(TimelineEntry::number));
        return entries;
    }

    /** When the close-out is due before it is planned: by the district's window as it is set now. */
    private LocalDate closeOutDue(ProgramRow program) {
        return program.endsOn().plus(dashboard.closeOutWithin(program.districtId()));
    }

    private TimelineEntry entry(Evidence.MilestoneRecord record, MeetingPlan plan) {
        return new TimelineEntry(record.kind(), record.sequenceNo(), record.id(), record.windowOpensOn(),
                record.dueOn(), record.plannedOn(), record.heldOn(), record.status(), record.heldInTime(), plan);
    }
}
