package app.tandem.dashboard;

import java.util.Map;

/**
 * One line of the dashboard: a school and term, where its program stands, its indicators and its open
 * work. Overdue tasks and incidents belong to a school, so they show on its latest term.
 */
public record SchoolRow(ProgramRow program, Map<Indicator, Share> indicators, Map<String, Integer> overdueByRole,
                        int overdueTasks, int openIncidents, Integer caregiversNotReached, int checkInsScheduled,
                        RowStatus status, Share caregiversIntroducedLate) {

    public Share indicator(Indicator indicator) {
        return indicators.getOrDefault(indicator, Share.NO_DATA);
    }

    public Phase phase() {
        return program.standing().phase();
    }
}
