package app.tandem.directory;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.tandem.system.FieldErrors;
import app.tandem.system.InvalidInputException;
import app.tandem.system.Messages;

/** Setting a district up and changing its settings later; every field is checked before anything is written. */
@Service
public class DistrictSetup {

    private static final Pattern PROGRAM_YEAR = Pattern.compile("\\d{4}-\\d{2}");
    private static final int NAME_LENGTH = 200;

    private final Schools schools;
    private final DistrictSettings settings;
    private final StaffDirectory staff;
    private final Messages messages;
    private final ChangeLog changes;

    DistrictSetup(Schools schools, DistrictSettings settings, StaffDirectory staff, Messages messages,
                  ChangeLog changes) {
        this.schools = schools;
        this.settings = settings;
        this.staff = staff;
        this.messages = messages;
        this.changes = changes;
    }

    /** An operator who signs in to an install without a district is led to set one up; nobody else can. */
    public static boolean needsSetup(boolean operator, int districts) {
        return operator && districts == 0;
    }

    public boolean needsSetup(boolean operator) {
        return operator && needsSetup(true, schools.districtCount());
    }

    /** What is wrong with the entry; a new district's code is checked too. */
    public FieldErrors check(DistrictEntry entry, boolean isNew) {
        FieldErrors errors = new FieldErrors();
        read(entry, isNew, errors);
        return errors;
    }

    /**
     * A new district with its settings; the operator who set it up joins its staff when they are on no
     * district's staff yet, so the district's pages work for them.
     */
    @Transactional
    public District create(DistrictEntry entry, String operator, String language) {
        Checked checked = checked(entry, true);
        District district = schools.addDistrict(entry.code().strip(), checked.name(), checked.zone());
        settings.save(district.id(), checked.year(), checked.chosen());
        log(district, null, checked, operator, ChangeSource.PAGE);
        if (staff.byUsername(operator).isEmpty()) {
            staff.enrol(operator, district.id(), language, operator, ChangeSource.PAGE);
        }
        return district;
    }

    @Transactional
    public void change(long districtId, DistrictEntry entry, String changedBy, ChangeSource source) {
        Checked checked = checked(entry, false);
        District district = schools.districtById(districtId).orElseThrow();
        Checked before = new Checked(district.name(), district.timeZone(),
                settings.programYear(districtId).orElse(null), settings.chosen(districtId));
        schools.changeDistrict(districtId, checked.name(), checked.zone());
        settings.save(districtId, checked.year(), checked.chosen());
        log(district, before, checked, changedBy, source);
    }

    private record Checked(String name, ZoneId zone, ProgramYear year, Map<DistrictSetting, Period> chosen) {
    }

    /**
     * Logs each part of the district that changed. A setting the district did not choose is logged as empty: it
     * follows Tandem's default.
     *
     * @param before null for a new district
     */
    private void log(District district, Checked before, Checked after, String changedBy, ChangeSource source) {
        ChangeSubject subject = ChangeSubject.district(district);
        changes.log(subject, ChangedField.NAME, before == null ? null : before.name(), after.name(), changedBy, source);
        changes.log(subject, ChangedField.TIME_ZONE, before == null ? null : before.zone().getId(),
                after.zone().getId(), changedBy, source);
        changes.log(subject, ChangedField.PROGRAM_YEAR, before == null ? null : text(before.year()),
                text(after.year()), changedBy, source);
        for (DistrictSetting setting : DistrictSetting.values()) {
            changes.log(subject, ChangedField.of(setting), before == null ? null : text(before.chosen().get(setting)),
                    text(after.chosen().get(setting)), changedBy, source);
        }
    }

    private static String text(ProgramYear year) {
        return year == null ? null : year.name() + " " + year.startsOn() + "/" + year.endsOn();
    }

    private static String text(Period period) {
        return period == null ? null : period.toString();
    }

    private Checked checked(DistrictEntry entry, boolean isNew) {
        FieldErrors errors = new FieldErrors();
        Checked checked = read(entry, isNew, errors);
        if (!errors.isEmpty()) {
            String field = errors.all().keySet().iterator().next();
            throw new InvalidInputException(field, errors.of(field));
        }
        return checked;
    }

    private Checked read(DistrictEntry entry, boolean isNew, FieldErrors errors) {
        if (isNew) {
            String code = entry.code() == null ? "" : entry.code().strip();
            if (!Codes.usable(code)) {
                errors.add(messages.invalid("districtCode", "invalid.code", code));
            } else if (schools.districtByCode(code).isPresent()) {
                errors.add(messages.invalid("districtCode", "invalid.districtCodeTaken", code));
            }
        }
        String name = blankIfNull(entry.districtName()).strip();
        if (name.isEmpty()) {
            errors.add(messages.invalid("districtName", "invalid.required"));
        } else if (name.length() > NAME_LENGTH) {
            errors.add(messages.invalid("districtName", "invalid.tooLong", NAME_LENGTH));
        }
        ZoneId zone = zone(blankIfNull(entry.timeZone()).strip(), errors);
        ProgramYear year = programYear(entry, errors);
        Map<DistrictSetting, Period> chosen = new EnumMap<>(DistrictSetting.class);
        for (DistrictSetting setting : DistrictSetting.values()) {
            String text = blankIfNull(entry.period(setting)).strip();
            if (!text.isEmpty()) {
                period(setting, text, errors, chosen);
            }
        }
        return new Checked(name, zone, year, chosen);
    }

    private ZoneId zone(String text, FieldErrors errors) {
        if (text.isEmpty()) {
            errors.add(messages.invalid("timeZone", "invalid.required"));
            return null;
        }
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            errors.add(messages.invalid("timeZone", "invalid.timeZone", text));
            return null;
        }
    }

    private ProgramYear programYear(DistrictEntry entry, FieldErrors errors) {
        String name = blankIfNull(entry.programYear()).strip();
        if (name.isEmpty()) {
            errors.add(messages.invalid("programYear", "invalid.required"));
        } else if (!PROGRAM_YEAR.matcher(name).matches()) {
            errors.add(messages.invalid("programYear", "invalid.programYear", name));
        }
        LocalDate startsOn = date("programYearStartsOn", entry.programYearStartsOn(), errors);
        LocalDate endsOn = date("programYearEndsOn", entry.programYearEndsOn(), errors);
        if (startsOn != null && endsOn != null && !endsOn.isAfter(startsOn)) {
            errors.add(messages.invalid("programYearEndsOn", "invalid.yearEndsBeforeStart", startsOn, endsOn));
        }
        return new ProgramYear(name, startsOn, endsOn);
    }

    private LocalDate date(String field, String text, FieldErrors errors) {
        String value = blankIfNull(text).strip();
        if (value.isEmpty()) {
            errors.add(messages.invalid(field, "invalid.required"));
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(messages.invalid(field, "invalid.date", value));
            return null;
        }
    }

    private void period(DistrictSetting setting, String text, FieldErrors errors, Map<DistrictSetting, Period> into) {
        Period period;
        try {
            period = Period.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(messages.invalid(setting.field(), "invalid.period", text));
            return;
        }
        if (period.isNegative() || (setting.mustBePositive() && period.isZero())) {
            errors.add(messages.invalid(setting.field(), setting.mustBePositive() ? "invalid.cadence" : "invalid.period",
                    text));
            return;
        }
        into.put(setting, period);
    }

    private static String blankIfNull(String text) {
        return text == null ? "" : text;
    }
}
