package app.tandem.directory;

import java.time.Period;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The district's settings as a person typed them, before they are checked, so a refused form shows them again.
 *
 * @param periods the lead times and cadences; a blank one means "Tandem's default"
 */
public record DistrictEntry(String code, String districtName, String timeZone, String programYear,
                            String programYearStartsOn, String programYearEndsOn,
                            Map<DistrictSetting, String> periods) {

    public DistrictEntry {
        periods = Map.copyOf(periods);
    }

    /** Reads the submitted form: one parameter per field, each setting under its field name. */
    public static DistrictEntry of(Map<String, String> form) {
        Map<DistrictSetting, String> periods = new EnumMap<>(DistrictSetting.class);
        for (DistrictSetting setting : DistrictSetting.values()) {
            periods.put(setting, form.getOrDefault(setting.field(), ""));
        }
        return new DistrictEntry(form.getOrDefault("districtCode", ""), form.getOrDefault("districtName", ""),
                form.getOrDefault("timeZone", ""), form.getOrDefault("programYear", ""),
                form.getOrDefault("programYearStartsOn", ""), form.getOrDefault("programYearEndsOn", ""), periods);
    }

    /** A new district: Tandem's time zone and every setting at its default. */
    public static DistrictEntry blank(ZoneId zone) {
        return new DistrictEntry("", "", zone.getId(), "", "", "", Map.of());
    }

    public static DistrictEntry of(District district, Optional<ProgramYear> year, Map<DistrictSetting, Period> chosen) {
        Map<DistrictSetting, String> periods = new EnumMap<>(DistrictSetting.class);
        chosen.forEach((setting, period) -> periods.put(setting, period.toString()));
        return new DistrictEntry(district.code(), district.name(), district.timeZone().getId(),
                year.map(ProgramYear::name).orElse(""),
                year.map(y -> y.startsOn().toString()).orElse(""),
                year.map(y -> y.endsOn().toString()).orElse(""), periods);
    }

    public String period(DistrictSetting setting) {
        return periods.getOrDefault(setting, "");
    }
}
