package app.tandem.dashboard;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import app.tandem.dashboard.CaregiverEvidence.CaregiverFacts;
import app.tandem.directory.DistrictSettings;
import app.tandem.system.DistrictClock;
import app.tandem.system.NotFound;

/**
 * Everything the dashboard lists for a scope, from a handful of grouped queries: the standings, the
 * milestone evidence per term, overdue tasks and incidents per school, and the family evidence.
 */
@Service
public class DistrictDashboard {

    private final Evidence evidence;
    private final OpenWork openWork;
    private final IndicatorRules rules;
    private final DistrictClock clock;
    private final DistrictSettings settings;
    private final ObjectProvider<CaregiverEvidence> caregiverEvidence;

    DistrictDashboard(Evidence evidence, OpenWork openWork, IndicatorRules rules, DistrictClock clock,
                      DistrictSettings settings, ObjectProvider<CaregiverEvidence> caregiverEvidence) {
        this.evidence = evidence;
        this.openWork = openWork;
        this.rules = rules;
        this.clock = clock;
        this.settings = settings;
        this.caregiverEvidence = caregiverEvidence;
    }

    /** What the district (or a leader's schools) looks like today. */
    public record Overview(List<SchoolRow> rows, Map<Indicator, Share> district, Map<String, Integer> overdueByRole,
                    List<Evidence.CheckInDay> checkInsByDueDay) {

        public Share districtShare(Indicator indicator) {
            return district.getOrDefault(indicator, Share.NO_DATA);
        }

        public int overdueTasks() {
            return overdueByRole.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    public Overview overview(Scope scope) {
        return overview(scope, TermChoice.EVERY_TERM);
    }

    /** The same, for the chosen terms only (the dashboard's list: today's terms unless asked otherwise). */
    public Overview overview(Scope scope, TermChoice terms) {
        LocalDate today = clock.forDistrict(scope.districtId()).today();
        List<ProgramRow> programs = evidence.programs(scope, terms, today);
        Map<Long, TermEvidence> byTerm = evidence.ofTerms(scope, terms, today);
        Map<Long, Map<String, Integer>> overdue = openWork.overdueTasksByRole(scope);
        Map<Long, Integer> incidents = openWork.openIncidents(scope);
        Map<Long, CaregiverFacts> families = caregivers().ofTerms(programs.stream().map(ProgramRow::termId).toList());
        Map<Long, Long> latestTerm = latestTermOfEachSchool(programs);
        Map<Long, Period> closeOutWithin = new HashMap<>();

        List<SchoolRow> rows = new ArrayList<>(programs.size());
        Map<Indicator, Share> district = new EnumMap<>(Indicator.class);
        Map<String, Integer> overdueByRole = new TreeMap<>();
        for (ProgramRow program : programs) {
            TermEvidence termEvidence = byTerm.getOrDefault(program.termId(),
                    TermEvidence.none(program.termId(), program.startsOn(), program.endsOn()));
            Period window = closeOutWithin.computeIfAbsent(program.districtId(), settings::closeOutWithin);
            Map<Indicator, Share> indicators = indicators(termEvidence, window, families.get(program.termId()),
                    today);
            indicators.forEach((indicator, share) -> district.merge(indicator, share, Share::plus));
            boolean latest = latestTerm.get(program.schoolId()) == program.termId();
            Map<String, Integer> roles = latest ? overdue.getOrDefault(program.schoolId(), Map.of()) : Map.of();
            roles.forEach((role, count) -> overdueByRole.merge(role, count, Integer::sum));
            int overdueTasks = roles.values().stream().mapToInt(Integer::intValue).sum();
            int openIncidents = latest ? incidents.getOrDefault(program.schoolId(), 0) : 0;
            CaregiverFacts facts = families.get(program.termId());
            rows.add(new SchoolRow(program, indicators, roles, overdueTasks, openIncidents,
                    facts == null ? null : facts.notYetReached(), termEvidence.checkInsScheduled(),
                    RowStatus.of(indicators.values(), overdueTasks, openIncidents),
                    facts == null ? Share.NO_DATA : facts.introducedLate()));
        }
        return new Overview(rows, district, overdueByRole, evidence.checkInsByDueDay(scope, terms, today));
    }

    /** One term's row, as the district list shows it, computed for its school alone. */
    public SchoolRow row(ProgramRow program) {
        return overview(Scope.schools(java.util.Set.of(program.schoolId()))).rows().stream().filter(r -> r.program().termId() == program.termId()).findFirst()
                .orElseThrow(NotFound::answer);
    }

    Map<Indicator, Share> indicators(TermEvidence termEvidence, Period closeOutWithin, CaregiverFacts facts,
                                     LocalDate today) {
        Map<Indicator, Share> indicators = new EnumMap<>(Indicator.class);
        indicators.put(Indicator.ALIGNMENT, rules.alignment(termEvidence, today));
        indicators.put(Indicator.CHECK_INS, rules.checkIns(termEvidence));
        indicators.put(Indicator.CLOSE_OUT, rules.closeOut(termEvidence, closeOutWithin, today));
        indicators.put(Indicator.CAREGIVER_UPDATES, facts == null ? Share.NO_DATA : facts.updatedEachCycle());
        indicators.put(Indicator.CAREGIVERS_REACHED, facts == null ? Share.NO_DATA : facts.reachedBeforeStart());
        indicators.put(Indicator.PREFERRED_LANGUAGE, facts == null ? Share.NO_DATA : facts.inPreferredLanguage());
        return indicators;
    }

    /** The district's close-out window (indicator 4d.3); for null, Tandem's default. */
    public Period closeOutWithin(Long districtId) {
        return settings.closeOutWithin(districtId);
    }

    /** The window in days, as the indicator's rule states it: counted from today when it is a number of months. */
    public long closeOutWithinDays(Long districtId) {
        LocalDate today = clock.forDistrict(districtId).today();
        return ChronoUnit.DAYS.between(today, today.plus(closeOutWithin(districtId)));
    }

    public CaregiverEvidence caregivers() {
        return caregiverEvidence.getIfAvailable(() -> CaregiverEvidence.NONE);
    }

    private static Map<Long, Long> latestTermOfEachSchool(List<ProgramRow> programs) {
        Map<Long, ProgramRow> latest = new HashMap<>();
        Comparator<ProgramRow> byStart = Comparator.comparing(ProgramRow::startsOn).thenComparing(ProgramRow::termId);
        for (ProgramRow program : programs) {
            latest.merge(program.schoolId(), program, (a, b) -> byStart.compare(a, b) >= 0 ? a : b);
        }
        Map<Long, Long> termIds = new HashMap<>();
        latest.forEach((school, program) -> termIds.put(school, program.termId()));
        return termIds;
    }
}
