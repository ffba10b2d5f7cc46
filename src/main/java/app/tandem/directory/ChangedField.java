package app.tandem.directory;

/**
 * What of a subject the audit log follows: of an account its email, groups, schools, access and invitation; of a
 * school its name and whether it is closed; of a term its name, dates, cadence, cancellation, tutoring provider
 * and tutor leads; of a program its start; of a caregiver their consent to email; of a district its name, time
 * zone, program year and each of its settings.
 */
public enum ChangedField {
    EMAIL, GROUPS, SCHOOLS, ACTIVE, INVITATION,
    NAME, CLOSED,
    DATES, CHECK_IN_CADENCE, CANCELLED, TUTORING_PROVIDER, TUTOR_LEADS,
    STARTED,
    EMAIL_CONSENT,
    TIME_ZONE, PROGRAM_YEAR,
    ALIGNMENT_SCHEDULE_LEAD(DistrictSetting.ALIGNMENT_SCHEDULE_LEAD),
    REMINDER_LEAD(DistrictSetting.REMINDER_LEAD),
    OVERDUE_ESCALATION_AFTER(DistrictSetting.OVERDUE_ESCALATION_AFTER),
    MANAGER_ESCALATION_AFTER(DistrictSetting.MANAGER_ESCALATION_AFTER),
    IMPACT_SUMMARY_WITHIN(DistrictSetting.IMPACT_SUMMARY_WITHIN),
    CLOSE_OUT_WITHIN(DistrictSetting.CLOSE_OUT_WITHIN),
    DEFAULT_CHECK_IN_CADENCE(DistrictSetting.DEFAULT_CHECK_IN_CADENCE),
    DUE_SOON_WITHIN(DistrictSetting.DUE_SOON_WITHIN);

    private final DistrictSetting setting;

    ChangedField() {
        this(null);
    }

    ChangedField(DistrictSetting setting) {
        this.setting = setting;
    }

    public static ChangedField of(DistrictSetting setting) {
        for (ChangedField field : values()) {
            if (field.setting == setting) {
                return field;
            }
        }
        throw new IllegalArgumentException("No audit log field for " + setting);
    }

    /** A district setting is called what its field on the district page is called. */
    public String messageKey() {
        return setting != null ? "field." + setting.field() : "changeLog.field." + name();
    }
}
