package app.tandem.directory;

import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import app.tandem.system.Messages;

/** Schools' terms. A term is checked whole before anything is written. */
@Repository
public class Terms {

    private static final String COLUMNS =
            "id, school_id, code, name, starts_on, ends_on, check_in_cadence";

    private final JdbcClient jdbc;
    private final Schools schools;
    private final Messages messages;
    private final DistrictSettings settings;

    public Terms(JdbcClient jdbc, Schools schools, Messages messages, DistrictSettings settings) {
        this.jdbc = jdbc;
        this.schools = schools;
        this.messages = messages;
        this.settings = settings;
    }

    @Transactional
    public Term plan(TermPlan plan) {
        Period cadence = validate(plan);
        jdbc.sql("insert into school_term (school_id, code, name, starts_on, ends_on, check_in_cadence) "
                        + "values (?, ?, ?, ?, ?, ?)")
                .params(plan.schoolId(), plan.code(), plan.name().strip(), plan.startsOn(), plan.endsOn(),
                        cadence.toString())
                .update();
        return bySchoolAndCode(plan.schoolId(), plan.code()).orElseThrow();
    }

    /** Refuses the first thing wrong with the plan, naming its field; returns the parsed cadence. */
    public Period validate(TermPlan plan) {
        School school = schools.byId(plan.schoolId())
                .orElseThrow(() -> messages.invalid("schoolId", "invalid.unknownSchool", plan.schoolId()));
        if (schools.closedOn(school.id()).isPresent()) {
            throw messages.invalid("schoolId", "invalid.schoolClosed", school.name());
        }
        if (!Codes.usable(plan.code())) {
            throw messages.invalid("termCode", "invalid.code", plan.code());
        }
        if (plan.name() == null || plan.name().isBlank()) {
            throw messages.invalid("termName", "invalid.required");
        }
        if (plan.startsOn() == null) {
            throw messages.invalid("startsOn", "invalid.required");
        }
        if (plan.endsOn() == null) {
            throw messages.invalid("endsOn", "invalid.required");
        }
        if (!plan.endsOn().isAfter(plan.startsOn())) {
            throw messages.invalid("endsOn", "invalid.termEndsBeforeStart", plan.startsOn(), plan.endsOn());
        }
        Period cadence = plan.checkInCadence() == null ? settings.defaultCheckInCadence(school.districtId())
                : parseCadence(plan.checkInCadence());
        if (bySchoolAndCode(plan.schoolId(), plan.code()).isPresent()) {
            throw messages.invalid("termCode", "invalid.termExists", plan.code());
        }
        return cadence;
    }

    /** An ISO-8601 period of whole days, weeks or months, such as P2W; times of day make no sense here. */
    public Period parseCadence(String text) {
        if (text == null || text.isBlank()) {
            throw messages.invalid("checkInCadence", "invalid.required");
        }
        try {
            Period cadence = Period.parse(text.strip());
            if (cadence.isNegative() || cadence.isZero()) {
                throw messages.invalid("checkInCadence", "invalid.cadence", text);
            }
            return cadence;
        } catch (DateTimeParseException e) {
            throw messages.invalid("checkInCadence", "invalid.cadence", text);
        }
    }

    /**
     * Marks the term as having its program, unless it already has one; the row lock makes two
     * simultaneous starts end with one program.
     *
     * @return whether this caller may start the term's program
     */
    public boolean claimForProgram(long termId) {
        return jdbc.sql("update school_term set program_instance_id = 'starting' where id = ? "
                        + "and program_instance_id is null")
                .param(termId)
                .update() == 1;
    }

    public boolean hasProgram(long termId) {
        return jdbc.sql("select count(*) from school_term where id = ? and program_instance_id is not null")
                .param(termId)
                .query(Integer.class)
                .single() > 0;
    }

    public void recordProgram(long termId, String processInstanceId) {
        jdbc.sql("update school_term set program_instance_id = ? where id = ?")
                .params(processInstanceId, termId)
                .update();
    }

    public Optional<Term> byId(long id) {
        return jdbc.sql("select " + COLUMNS + " from school_term where id = ?")
                .param(id)
                .query(this::term)
                .optional();
    }

    public Optional<Term> bySchoolAndCode(long schoolId, String code) {
        return jdbc.sql("select " + COLUMNS + " from school_term where school_id = ? and code = ?")
                .params(schoolId, code)
                .query(this::term)
                .optional();
    }

    public List<Term> ofSchool(long schoolId) {
        return jdbc.sql("select " + COLUMNS + " from school_term where school_id = ? order by starts_on")
                .param(schoolId)
                .query(this::term)
                .list();
    }

    private Term term(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Term(rs.getLong("id"), rs.getLong("school_id"), rs.getString("code"), rs.getString("name"),
                rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class),
                Period.parse(rs.getString("check_in_cadence")));
    }
}
