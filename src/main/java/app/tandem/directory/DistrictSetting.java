package app.tandem.directory;

import java.util.Locale;

/**
 * The lead times and cadences a district may set for itself. Each has its default in application.yaml under
 * {@link #property()}; the district's own value, when it chose one, is kept in {@code district_settings}.
 */
public enum DistrictSetting {
    ALIGNMENT_SCHEDULE_LEAD("tandem.program.alignment-schedule-lead", false),
    REMINDER_LEAD("tandem.notify.reminder-lead", false),
    OVERDUE_ESCALATION_AFTER("tandem.program.overdue-escalation-after", false),
    MANAGER_ESCALATION_AFTER("tandem.notify.manager-escalation-after", false),
    IMPACT_SUMMARY_WITHIN("tandem.program.impact-summary-within", false),
    CLOSE_OUT_WITHIN("tandem.program.close-out-within", false),
    DEFAULT_CHECK_IN_CADENCE("tandem.program.default-check-in-cadence", true),
    DUE_SOON_WITHIN("tandem.notify.due-soon-within", false);

    private final String property;
    private final boolean mustBePositive;

    DistrictSetting(String property, boolean mustBePositive) {
        this.property = property;
        this.mustBePositive = mustBePositive;
    }

    /** Where application.yaml keeps the default. */
    public String property() {
        return property;
    }

    /** A cadence of zero days would never move on; a lead time of zero days means "on the day". */
    public boolean mustBePositive() {
        return mustBePositive;
    }

    public String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The form field's name, such as alignmentScheduleLead. */
    public String field() {
        StringBuilder field = new StringBuilder();
        boolean upper = false;
        for (char c : column().toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                field.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return field.toString();
    }
}
