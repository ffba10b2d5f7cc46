package app.tandem.assessment;

import java.util.EnumMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import app.tandem.dashboard.Indicator;
import app.tandem.system.FieldErrors;
import app.tandem.system.InvalidInputException;
import app.tandem.system.Messages;

/**
 * The thresholds a district set for its self-assessment, one pair per indicator, falling back to application.yaml.
 * Whole percentages, so they are kept in a table of their own rather than with the district's periods.
 */
@Repository
public class AssessmentThresholds {

    private final JdbcClient jdbc;
    private final AssessmentSettings settings;
    private final Messages messages;

    AssessmentThresholds(JdbcClient jdbc, AssessmentSettings settings, Messages messages) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.messages = messages;
    }

    public Thresholds defaults() {
        return settings.thresholds();
    }

    /** Every indicator's thresholds: the district's own where it chose them, otherwise the default. */
    public Map<Indicator, Thresholds> of(long districtId) {
        Map<Indicator, Thresholds> thresholds = new EnumMap<>(Indicator.class);
        for (Indicator indicator : Indicator.values()) {
            thresholds.put(indicator, defaults());
        }
        jdbc.sql("select indicator_code, in_place_from, partly_from from assessment_threshold where district_id = ?")
                .param(districtId)
                .query(rs -> {
                    Thresholds chosen = new Thresholds(rs.getInt("in_place_from"), rs.getInt("partly_from"));
                    Indicator.byCode(rs.getString("indicator_code")).ifPresent(i -> thresholds.put(i, chosen));
                });
        return thresholds;
    }

    /** The form's fields of one indicator, such as inPlaceFrom-4d-1. */
    public static String field(String name, Indicator indicator) {
        return name + "-" + indicator.code().replace('.', '-');
    }

    /**
     * Reads every indicator's pair from a form, or says per field what is wrong.
     *
     * @return the thresholds, or null when {@code errors} holds a problem
     */
    public Map<Indicator, Thresholds> read(Map<String, String> form, FieldErrors errors) {
        Map<Indicator, Thresholds> read = new EnumMap<>(Indicator.class);
        for (Indicator indicator : Indicator.values()) {
            String inPlaceField = field("inPlaceFrom", indicator);
            String partlyField = field("partlyFrom", indicator);
            try {
                int inPlace = percent(inPlaceField, form.get(inPlaceField), indicator);
                int partly = percent(partlyField, form.get(partlyField), indicator);
                if (partly >= inPlace) {
                    throw invalid(partlyField, "partlyFrom", indicator, "assessment.invalid.partlyNotBelow", partly,
                            inPlace);
                }
                read.put(indicator, new Thresholds(inPlace, partly));
            } catch (InvalidInputException problem) {
                errors.add(problem);
            }
        }
        return errors.isEmpty() ? read : null;
    }

    @Transactional
    public void save(long districtId, Map<Indicator, Thresholds> thresholds) {
        jdbc.sql("delete from assessment_threshold where district_id = ?").param(districtId).update();
        thresholds.forEach((indicator, t) -> jdbc.sql("insert into assessment_threshold (district_id, indicator_code, "
                        + "in_place_from, partly_from) values (?, ?, ?, ?)")
                .params(districtId, indicator.code(), t.inPlaceFrom(), t.partlyFrom())
                .update());
    }

    private int percent(String field, String value, Indicator indicator) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            throw invalid(field, name(field), indicator, "invalid.required");
        }
        try {
            int percent = Integer.parseInt(text);
            if (percent >= 1 && percent <= 100) {
                return percent;
            }
        } catch (NumberFormatException e) {
            // answered below, with the value as typed
        }
        throw invalid(field, name(field), indicator, "assessment.invalid.threshold", text);
    }

    private static String name(String field) {
        return field.substring(0, field.indexOf('-'));
    }

    /** As Messages.invalid, with the label naming the indicator: "4d.1, in place from: ...". */
    private InvalidInputException invalid(String field, String name, Indicator indicator, String code, Object... args) {
        return new InvalidInputException(field, messages.text("assessment.field." + name, indicator.code()) + ": "
                + messages.text(code, args));
    }
}
