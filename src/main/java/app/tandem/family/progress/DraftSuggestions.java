package app.tandem.family.progress;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

import app.tandem.family.DraftChoices;
import app.tandem.family.UpdateDraft;
import app.tandem.family.progress.CycleWindows.CycleWindow;

/**
 * Drafts each cycle's progress update from the tutoring data: the sessions attended in the weeks it reports on, the
 * standing against grade level from the latest assessment, and from those a thing to do at home and a win. Nothing
 * of it goes into the process: the coordinator's submission does, as ever.
 */
@Service
public class DraftSuggestions {

    private static final String READING = "reading";
    private static final String MATH = "math";
    private static final String AT_GRADE_LEVEL = "at";

    private final CycleWindows windows;
    private final ProgressWeeks weeks;
    private final Dosages dosages;
    private final DraftChoices choices;

    DraftSuggestions(CycleWindows windows, ProgressWeeks weeks, Dosages dosages, DraftChoices choices) {
        this.windows = windows;
        this.weeks = weeks;
        this.dosages = dosages;
        this.choices = choices;
    }

    /** Per update id; a whole school's drafts cost four queries. */
    public Map<Long, Suggestion> forUpdates(Collection<Long> updateIds) {
        return suggest(windows.of(updateIds));
    }

    public Optional<Suggestion> forProcessInstance(String processInstanceId) {
        return windows.ofProcessInstance(processInstanceId)
                .map(window -> suggest(List.of(window)).get(window.updateId()));
    }

    private Map<Long, Suggestion> suggest(List<CycleWindow> cycles) {
        Map<Long, Suggestion> suggestions = new LinkedHashMap<>();
        if (cycles.isEmpty()) {
            return suggestions;
        }
        List<Long> students = cycles.stream().map(CycleWindow::studentId).distinct().toList();
        var from = cycles.stream().map(CycleWindow::from).min(java.util.Comparator.naturalOrder()).orElseThrow();
        Map<Long, List<ProgressRow>> reported = new LinkedHashMap<>();
        for (ProgressRow row : weeks.weeksOf(students, from)) {
            reported.computeIfAbsent(row.studentId(), id -> new ArrayList<>()).add(row);
        }
        Map<Long, List<Assessment>> assessed = dosages.assessments(students);
        for (CycleWindow cycle : cycles) {
            suggestions.put(cycle.updateId(), suggest(cycle, reported.getOrDefault(cycle.studentId(), List.of()),
                    assessed.getOrDefault(cycle.studentId(), List.of())));
        }
        return suggestions;
    }

    private Suggestion suggest(CycleWindow cycle, List<ProgressRow> newestFirst, List<Assessment> latestFirst) {
        List<ProgressRow> inCycle = newestFirst.stream().filter(row -> cycle.holds(row.weekOf())).toList();
        Integer attended = inCycle.isEmpty() ? null : inCycle.stream().mapToInt(ProgressRow::attended).sum();
        Integer scheduled = inCycle.isEmpty() ? null : inCycle.stream().mapToInt(ProgressRow::scheduled).sum();
        String subject = newestFirst.stream().filter(row -> row.weekOf().isBefore(cycle.until()))
                .map(ProgressRow::subject).filter(s -> s != null).findFirst().orElse(cycle.previousSubject());
        Assessment latest = latestFirst.isEmpty() ? null : latestFirst.get(0);
        String standing = latest != null && choices.offers(UpdateDraft.STANDING, latest.placement())
                ? latest.placement() : null;
        Trend trend = dosages.trend(latestFirst);
        return new Suggestion(offered(UpdateDraft.SUBJECT, subject), standing, atHome(subject, standing),
                win(attended, scheduled, latestFirst, trend), attended, scheduled, latest, trend);
    }

    /** Practice the basics below grade level; talk and explain at it or above. */
    private String atHome(String subject, String standing) {
        boolean basics = standing == null || choices.rank(standing) < choices.rank(AT_GRADE_LEVEL);
        String suggestion = READING.equals(subject) ? (basics ? "read-together" : "talk-about-books")
                : MATH.equals(subject) ? (basics ? "practice-facts" : "explain-thinking") : null;
        return offered(UpdateDraft.AT_HOME, suggestion);
    }

    private String win(Integer attended, Integer scheduled, List<Assessment> latestFirst, Trend trend) {
        if (attended == null && latestFirst.isEmpty()) {
            return null;
        }
        String suggestion;
        if (scheduled != null && scheduled > 0 && attended.equals(scheduled)) {
            suggestion = "every-session";
        } else if (trend == Trend.UP && choices.rank(latestFirst.get(0).placement())
                > choices.rank(latestFirst.get(1).placement())) {
            suggestion = "moved-up";
        } else if (trend == Trend.UP) {
            suggestion = "new-skill";
        } else {
            suggestion = "kept-trying";
        }
        return offered(UpdateDraft.WIN, suggestion);
    }

    private String offered(String key, String value) {
        return choices.offers(key, value) ? value : null;
    }
}
