package app.tandem.dashboard;

import java.util.Collection;

/**
 * Red, amber or green for one school and term. Red: an open incident, or an indicator with data under
 * 50 % (4d.1 or 4d.3 not met counts as 0 %). Amber: an overdue task, or an indicator under 80 %.
 * Green: neither. Indicators with no data yet count for nothing.
 */
public enum RowStatus {
    RED,
    AMBER,
    GREEN;

    static final int RED_BELOW = 50;
    static final int AMBER_BELOW = 80;

    static RowStatus of(Collection<Share> indicators, int overdueTasks, int openIncidents) {
        boolean below50 = indicators.stream().anyMatch(s -> !s.noData() && s.percent() < RED_BELOW);
        if (openIncidents > 0 || below50) {
            return RED;
        }
        boolean below80 = indicators.stream().anyMatch(s -> !s.noData() && s.percent() < AMBER_BELOW);
        if (overdueTasks > 0 || below80) {
            return AMBER;
        }
        return GREEN;
    }

    public String messageKey() {
        return "dashboard.status." + name();
    }

    public String cssClass() {
        return "status-" + name().toLowerCase(java.util.Locale.ROOT);
    }
}
