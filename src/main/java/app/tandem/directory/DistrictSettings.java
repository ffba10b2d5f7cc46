package app.tandem.directory;

import java.time.LocalDate;
import java.time.Period;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a district set for itself, falling back to application.yaml for whatever it did not set, and for
 * work that belongs to no district. The defaults are read from the same yaml keys the features' settings bind,
 * so the directory needs none of those features.
 */
@Repository
public class DistrictSettings {

    private final JdbcClient jdbc;
    private final Map<DistrictSetting, Period> defaults = new EnumMap<>(DistrictSetting.class);

    DistrictSettings(JdbcClient jdbc, Environment environment) {
        this.jdbc = jdbc;
        for (DistrictSetting setting : DistrictSetting.values()) {
            defaults.put(setting, Period.parse(environment.getRequiredProperty(setting.property()).strip()));
        }
    }

    /** How long before the term starts the alignment meeting must be scheduled. */
    public Period alignmentScheduleLead(Long districtId) {
        return period(districtId, DistrictSetting.ALIGNMENT_SCHEDULE_LEAD);
    }

    /** How long before a task's due day the people on it are reminded. */
    public Period reminderLead(Long districtId) {
        return period(districtId, DistrictSetting.REMINDER_LEAD);
    }

    /**
     * How long after its due day an open task goes to the school leader (and an unrecorded alignment meeting to
     * a manager's follow-up).
     */
    public Period overdueEscalationAfter(Long districtId) {
        return period(districtId, DistrictSetting.OVERDUE_ESCALATION_AFTER);
    }

    /** How much longer after the school leader was told an open task goes to the district's managers. */
    public Period managerEscalationAfter(Long districtId) {
        return period(districtId, DistrictSetting.MANAGER_ESCALATION_AFTER);
    }

    public Period impactSummaryWithin(Long districtId) {
        return period(districtId, DistrictSetting.IMPACT_SUMMARY_WITHIN);
    }

    public Period closeOutWithin(Long districtId) {
        return period(districtId, DistrictSetting.CLOSE_OUT_WITHIN);
    }

    /** How often check-ins happen when a term does not say. */
    public Period defaultCheckInCadence(Long districtId) {
        return period(districtId, DistrictSetting.DEFAULT_CHECK_IN_CADENCE);
    }

    /** How close a due date is "due soon" in the daily digest. */
    public Period dueSoonWithin(Long districtId) {
        return period(districtId, DistrictSetting.DUE_SOON_WITHIN);
    }

    public Period period(Long districtId, DistrictSetting setting) {
        if (districtId == null) {
            return defaults.get(setting);
        }
        return chosen(districtId).getOrDefault(setting, defaults.get(setting));
    }

    /** Every setting of one district, read at once, for work that needs several. */
    public Chosen of(Long districtId) {
        return new Chosen(districtId == null ? Map.of() : chosen(districtId), defaults);
    }

    /** A district's settings as read at one moment, its own choice or else the default. */
    public record Chosen(Map<DistrictSetting, Period> chosen, Map<DistrictSetting, Period> defaults) {

        public Period period(DistrictSetting setting) {
            return chosen.getOrDefault(setting, defaults.get(setting));
        }
    }

    public Period defaultOf(DistrictSetting setting) {
        return defaults.get(setting);
    }

    /** Only the settings the district chose itself. */
    public Map<DistrictSetting, Period> chosen(long districtId) {
        Map<DistrictSetting, Period> chosen = new EnumMap<>(DistrictSetting.class);
        jdbc.sql("select * from district_settings where district_id = ?")
                .param(districtId)
                .query(rs -> {
                    for (DistrictSetting setting : DistrictSetting.values()) {
                        String value = rs.getString(setting.column());
                        if (value != null) {
                            chosen.put(setting, Period.parse(value));
                        }
                    }
                });
        return Collections.unmodifiableMap(chosen);
    }

    public Optional<ProgramYear> programYear(long districtId) {
        return jdbc.sql("select program_year, program_year_starts_on, program_year_ends_on from district_settings "
                        + "where district_id = ? and program_year is not null")
                .param(districtId)
                .query((rs, n) -> new ProgramYear(rs.getString(1), rs.getObject(2, LocalDate.class),
                        rs.getObject(3, LocalDate.class)))
                .optional();
    }

    /** Replaces what the district chose; a setting left out goes back to the default. */
    @Transactional
    void save(long districtId, ProgramYear year, Map<DistrictSetting, Period> chosen) {
        jdbc.sql("delete from district_settings where district_id = ?").param(districtId).update();
        StringBuilder columns = new StringBuilder("district_id, program_year, program_year_starts_on, "
                + "program_year_ends_on");
        StringBuilder values = new StringBuilder("?, ?, ?, ?");
        for (DistrictSetting setting : DistrictSetting.values()) {
            columns.append(", ").append(setting.column());
            values.append(", ?");
        }
        var statement = jdbc.sql("insert into district_settings (" + columns + ") values (" + values + ")")
                .param(districtId)
                .param(year == null ? null : year.name())
                .param(year == null ? null : year.startsOn())
                .param(year == null ? null : year.endsOn());
        for (DistrictSetting setting : DistrictSetting.values()) {
            Period value = chosen.get(setting);
            statement = statement.param(value == null ? null : value.toString());
        }
        statement.update();
    }
}
