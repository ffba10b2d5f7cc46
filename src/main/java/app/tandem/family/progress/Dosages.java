package app.tandem.family.progress;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import app.tandem.directory.SessionTargets;
import app.tandem.directory.SessionTargets.TermTarget;
import app.tandem.family.DraftChoices;
import app.tandem.system.DistrictClock;

/**
 * Attendance and dosage: per student, the recent weeks reported (the current one and the {@value #RECENT_WEEKS} - 1
 * before it), their average against the target of the school's term, the latest assessment and its trend. A whole
 * school costs three queries, however many students it has.
 */
@Service
public class Dosages {

    static final int RECENT_WEEKS = 6;

    private final ProgressWeeks weeks;
    private final SessionTargets targets;
    private final DraftChoices choices;
    private final DistrictClock clock;

    Dosages(ProgressWeeks weeks, SessionTargets targets, DraftChoices choices, DistrictClock clock) {
        this.weeks = weeks;
        this.targets = targets;
        this.choices = choices;
        this.clock = clock;
    }

    /** The weekly target of the school's current term (or the last one before today), else the default. */
    public int targetAt(long schoolId) {
        return targets.atSchoolOn(schoolId, clock.today()).map(TermTarget::sessionsPerWeek)
                .orElse(SessionTargets.DEFAULT);
    }

    /** Per student id, in the order given. */
    public Map<Long, Dosage> of(long schoolId, Collection<Long> studentIds) {
        int target = targetAt(schoolId);
        LocalDate from = clock.today().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                .minusWeeks(RECENT_WEEKS - 1);
        Map<Long, List<Dosage.Week>> recent = new LinkedHashMap<>();
        for (ProgressRow row : weeks.weeksOf(studentIds, from)) {
            recent.computeIfAbsent(row.studentId(), id -> new ArrayList<>())
                    .add(new Dosage.Week(row.weekOf(), row.scheduled(), row.attended(), row.minutes()));
        }
        Map<Long, List<Assessment>> assessed = assessments(studentIds);
        Map<Long, Dosage> dosages = new LinkedHashMap<>();
        for (long id : studentIds) {
            List<Dosage.Week> reported = recent.getOrDefault(id, List.of());
            Double average = reported.isEmpty() ? null
                    : reported.stream().mapToInt(Dosage.Week::attended).average().orElseThrow();
            List<Assessment> taken = assessed.getOrDefault(id, List.of());
            dosages.put(id, new Dosage(id, target, List.copyOf(reported), average,
                    taken.isEmpty() ? null : taken.get(0), trend(taken)));
        }
        return dosages;
    }

    /** Every assessment of each student, the latest first. */
    Map<Long, List<Assessment>> assessments(Collection<Long> studentIds) {
        Map<Long, List<Assessment>> assessed = new LinkedHashMap<>();
        for (ProgressRow row : weeks.assessmentsOf(studentIds)) {
            assessed.computeIfAbsent(row.studentId(), id -> new ArrayList<>())
                    .add(new Assessment(row.assessment(), row.assessedOn(), row.score(), row.placement()));
        }
        return assessed;
    }

    /**
     * A higher or lower placement than the assessment before says it all; at the same placement, the score of the
     * same assessment decides.
     */
    Trend trend(List<Assessment> latestFirst) {
        if (latestFirst.size() < 2) {
            return null;
        }
        Assessment now = latestFirst.get(0);
        Assessment before = latestFirst.get(1);
        int rise = Integer.compare(choices.rank(now.placement()), choices.rank(before.placement()));
        if (rise == 0 && now.name().equalsIgnoreCase(before.name()) && now.score() != null && before.score() != null) {
            rise = now.score().compareTo(before.score());
        }
        return rise > 0 ? Trend.UP : rise < 0 ? Trend.DOWN : Trend.STEADY;
    }
}
