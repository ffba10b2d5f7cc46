package app.tandem.directory;

import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import app.tandem.system.DistrictClock;
import app.tandem.system.InvalidInputException;
import app.tandem.system.Messages;
import app.tandem.system.LikePattern;
import app.tandem.system.Paged;

/** Schools' terms. A term is checked whole before anything is written. */
@Repository
public class Terms {

    private static final String COLUMNS =
            "id, school_id, code, name, starts_on, ends_on, check_in_cadence";

    private final JdbcClient jdbc;
    private final Schools schools;
    private final Messages messages;
    private final DistrictSettings settings;
    private final DistrictClock clock;
    private final ChangeLog changes;

    public Terms(JdbcClient jdbc, Schools schools, Messages messages, DistrictSettings settings, DistrictClock clock,
                 ChangeLog changes) {
        this.jdbc = jdbc;
        this.schools = schools;
        this.messages = messages;
        this.settings = settings;
        this.clock = clock;
        this.changes = changes;
    }

    /** The check-in cadence a new term of the district gets when none is given. */
    public String defaultCadence(Long districtId) {
        return settings.defaultCheckInCadence(districtId).toString();
    }

    /**
     * The same term for many schools: every plan is checked before any is written, and a refusal
     * names the school it is about. Nothing is planned unless all are.
     */
    @Transactional
    public List<Term> planAll(List<TermPlan> plans, String changedBy, ChangeSource source) {
        for (int i = 0; i < plans.size(); i++) {
            TermPlan plan = plans.get(i);
            try {
                validate(plan);
                for (TermPlan earlier : plans.subList(0, i)) {
                    if (earlier.schoolId() == plan.schoolId()) {
                        throw messages.invalid("schoolId", "invalid.schoolTwice");
                    }
                }
            } catch (InvalidInputException refused) {
                String school = schools.byId(plan.schoolId()).map(School::name).orElse(String.valueOf(plan.schoolId()));
                throw new InvalidInputException(refused.field(), school + " — " + refused.getMessage());
            }
        }
        return plans.stream().map(plan -> plan(plan, changedBy, source)).toList();
    }

    /** A term Tandem plans itself (the demo district, tests' fixtures). */
    @Transactional
    public Term plan(TermPlan plan) {
        return plan(plan, StaffDirectory.TANDEM, ChangeSource.SETUP);
    }

    @Transactional
    public Term plan(TermPlan plan, String changedBy, ChangeSource source) {
        Period cadence = validate(plan);
        jdbc.sql("insert into school_term (school_id, code, name, starts_on, ends_on, check_in_cadence) "
                        + "values (?, ?, ?, ?, ?, ?)")
                .params(plan.schoolId(), plan.code(), plan.name().strip(), plan.startsOn(), plan.endsOn(),
                        cadence.toString())
                .update();
        Term term = bySchoolAndCode(plan.schoolId(), plan.code()).orElseThrow();
        ChangeSubject subject = subject(term);
        changes.log(subject, ChangedField.NAME, null, term.name(), changedBy, source);
        changes.log(subject, ChangedField.DATES, null, dates(term.startsOn(), term.endsOn()), changedBy, source);
        changes.log(subject, ChangedField.CHECK_IN_CADENCE, null, term.checkInCadence().toString(), changedBy, source);
        return term;
    }

    /** Refuses the first thing wrong with the plan, naming its field; returns the parsed cadence. */
    public Period validate(TermPlan plan) {
        School school = schools.byId(plan.schoolId())
                .orElseThrow(() -> messages.invalid("schoolId", "invalid.unknownSchool", plan.schoolId()));
        if (schools.closedOn(school.id()).isPresent()) {
            throw messages.invalid("schoolId", "invalid.schoolClosed", school.name());
        }
        Period cadence = validateShape(plan, school.districtId());
        if (bySchoolAndCode(plan.schoolId(), plan.code()).isPresent()) {
            throw messages.invalid("termCode", "invalid.termExists", plan.code());
        }
        refuseOverlap(plan.schoolId(), null, plan.startsOn(), plan.endsOn());
        return cadence;
    }

    /**
     * What a plan must be whatever its school's other terms: a code, a name, a last day after the first, a cadence
     * (the district's default when it names none). All a school that is not in Tandem yet can be checked for.
     */
    public Period validateShape(TermPlan plan, long districtId) {
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
        return plan.checkInCadence() == null ? settings.defaultCheckInCadence(districtId)
                : parseCadence(plan.checkInCadence());
    }

    /** A school runs one term at a time: no dates may overlap another term of it that is not cancelled. */
    public void refuseOverlap(long schoolId, Long exceptTermId, LocalDate startsOn, LocalDate endsOn) {
        jdbc.sql("select " + COLUMNS + " from school_term where school_id = ? and cancelled_on is null "
                        + "and starts_on <= ? and ends_on >= ? and id <> ? order by starts_on")
                .params(schoolId, endsOn, startsOn, exceptTermId == null ? -1L : exceptTermId)
                .query(this::term)
                .list()
                .stream()
                .findFirst()
                .ifPresent(other -> {
                    throw messages.invalid("startsOn", "invalid.termOverlaps", other.name(), other.startsOn(),
                            other.endsOn());
                });
    }

    /** New first and last days, checked as a plan's are; the caller decides what a running program allows. */
    @Transactional
    public void changeDates(long termId, LocalDate startsOn, LocalDate endsOn, String changedBy, ChangeSource source) {
        Term term = byId(termId).orElseThrow(() -> messages.invalid("termId", "invalid.unknownTerm", termId));
        if (startsOn == null) {
            throw messages.invalid("startsOn", "invalid.required");
        }
        if (endsOn == null) {
            throw messages.invalid("endsOn", "invalid.required");
        }
        if (!endsOn.isAfter(startsOn)) {
            throw messages.invalid("endsOn", "invalid.termEndsBeforeStart", startsOn, endsOn);
        }
        refuseOverlap(term.schoolId(), termId, startsOn, endsOn);
        jdbc.sql("update school_term set starts_on = ?, ends_on = ? where id = ?")
                .params(startsOn, endsOn, termId)
                .update();
        changes.log(subject(term), ChangedField.DATES, dates(term.startsOn(), term.endsOn()), dates(startsOn, endsOn),
                changedBy, source);
    }

    /**
     * Marks the term cancelled, once; a program being started at the same moment holds the row, so
     * afterwards {@link #programOf} tells whether there is a program to end.
     *
     * The log says when; the reason stays with the term, where the term page shows it.
     *
     * @return false when the term was cancelled already
     */
    @Transactional
    public boolean cancel(long termId, String reason, String by, ChangeSource source) {
        LocalDate today = clock.today();
        boolean cancelled = jdbc.sql("update school_term set cancelled_on = ?, cancelled_by = ?, cancel_reason = ? "
                        + "where id = ? and cancelled_on is null")
                .params(today, by, reason, termId)
                .update() == 1;
        if (cancelled) {
            changes.log(subject(byId(termId).orElseThrow()), ChangedField.CANCELLED, null, today.toString(), by,
                    source);
        }
        return cancelled;
    }

    public Optional<TermCancellation> cancellation(long termId) {
        return jdbc.sql("select cancelled_on, cancelled_by, cancel_reason from school_term "
                        + "where id = ? and cancelled_on is not null")
                .param(termId)
                .query((rs, n) -> new TermCancellation(rs.getObject("cancelled_on", LocalDate.class),
                        rs.getString("cancel_reason"), rs.getString("cancelled_by")))
                .optional();
    }

    /** The process instance running the term's program, once it has been started. */
    public Optional<String> programOf(long termId) {
        return jdbc.sql("select program_instance_id from school_term where id = ? and program_instance_id is not null")
                .param(termId)
                .query(String.class)
                .optional();
    }

    private static final String ROW_SELECT = "select t.id, t.school_id, t.code, t.name, t.starts_on, t.ends_on, "
            + "t.check_in_cadence, t.program_instance_id, t.cancelled_on, t.cancel_reason, s.name as school_name "
            + "from school_term t join school s on s.id = t.school_id ";
    private static final String ROW_ORDER = " order by t.starts_on desc, s.name, t.id";

    /** The terms of one district, or of every district for {@code null}, latest first. */
    public List<TermRow> listing(Long districtId) {
        var query = districtId == null ? jdbc.sql(ROW_SELECT + ROW_ORDER)
                : jdbc.sql(ROW_SELECT + "where s.district_id = ?" + ROW_ORDER).param(districtId);
        return query.query(this::row).list();
    }

    /**
     * One page of the terms of one district (every district's for {@code null}) that pass the filter, latest first:
     * one query for the page and one for the count.
     */
    public Paged<TermRow> search(Long districtId, TermFilter filter, int page, int size) {
        Map<String, Object> params = new HashMap<>();
        String where = where(districtId, filter, params);
        long total = jdbc.sql("select count(*) from school_term t join school s on s.id = t.school_id where " + where)
                .params(params).query(Long.class).single();
        int number = Paged.within(page, size, total);
        List<TermRow> rows = jdbc.sql(ROW_SELECT + "where " + where + ROW_ORDER + " offset "
                        + (long) (number - 1) * size + " rows fetch next " + size + " rows only")
                .params(params)
                .query(this::row)
                .list();
        return new Paged<>(rows, number, size, total);
    }

    /** A term as its district's list shows it; empty when there is none, or it is of another district. */
    public Optional<TermRow> row(long termId, Long districtId) {
        return jdbc.sql(ROW_SELECT + "where t.id = :term" + (districtId == null ? "" : " and s.district_id = :district"))
                .param("term", termId)
                .params(districtId == null ? Map.of() : Map.of("district", districtId))
                .query(this::row)
                .optional();
    }

    /** The first days of the district's earliest and latest terms (every district's for {@code null}). */
    public Optional<DateRange> firstDays(Long districtId) {
        return jdbc.sql("select min(t.starts_on), max(t.starts_on) from school_term t join school s on s.id = t.school_id"
                        + (districtId == null ? "" : " where s.district_id = :district"))
                .params(districtId == null ? Map.of() : Map.of("district", districtId))
                .query((rs, n) -> rs.getObject(1, LocalDate.class) == null ? null
                        : new DateRange(rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class)))
                .optional();
    }

    public record DateRange(LocalDate first, LocalDate last) {
    }

    private String where(Long districtId, TermFilter filter, Map<String, Object> params) {
        StringBuilder where = new StringBuilder("1 = 1");
        if (districtId != null) {
            where.append(" and s.district_id = :district");
            params.put("district", districtId);
        }
        if (!filter.text().isEmpty()) {
            where.append(" and (lower(s.name) like :text" + LikePattern.ESCAPE + " or lower(s.code) like :text"
                    + LikePattern.ESCAPE + ")");
            params.put("text", LikePattern.containing(filter.text()));
        }
        if (filter.startsFrom() != null) {
            where.append(" and t.starts_on >= :startsFrom");
            params.put("startsFrom", filter.startsFrom());
        }
        if (filter.startsBefore() != null) {
            where.append(" and t.starts_on < :startsBefore");
            params.put("startsBefore", filter.startsBefore());
        }
        if (filter.status() != null) {
            // As status() tells them apart.
            where.append(switch (filter.status()) {
                case CANCELLED -> " and t.cancelled_on is not null";
                case ENDED -> " and t.cancelled_on is null and t.ends_on < :today";
                case PLANNED -> " and t.cancelled_on is null and t.ends_on >= :today and t.program_instance_id is null";
                case RUNNING -> " and t.cancelled_on is null and t.ends_on >= :today "
                        + "and t.program_instance_id is not null";
            });
            params.put("today", clock.today());
        }
        return where.toString();
    }

    private TermRow row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        LocalDate cancelledOn = rs.getObject("cancelled_on", LocalDate.class);
        Term term = term(rs, n);
        return new TermRow(term, rs.getString("school_name"),
                status(term, rs.getString("program_instance_id"), cancelledOn), cancelledOn,
                rs.getString("cancel_reason"));
    }

    private TermStatus status(Term term, String programInstanceId, LocalDate cancelledOn) {
        if (cancelledOn != null) {
            return TermStatus.CANCELLED;
        }
        if (term.endsOn().isBefore(clock.today())) {
            return TermStatus.ENDED;
        }
        return programInstanceId == null ? TermStatus.PLANNED : TermStatus.RUNNING;
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
     * Marks the term as having its program, unless it already has one or was cancelled; the row lock
     * makes two simultaneous starts end with one program.
     *
     * @return whether this caller may start the term's program
     */
    public boolean claimForProgram(long termId) {
        return jdbc.sql("update school_term set program_instance_id = 'starting' where id = ? "
                        + "and program_instance_id is null and cancelled_on is null")
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

    /** The term's subject in the audit log, keyed by its school's code and its own. */
    private ChangeSubject subject(Term term) {
        return ChangeSubject.term(schools.byId(term.schoolId()).orElseThrow(), term);
    }

    /** A term's dates as the audit log writes them: an ISO-8601 interval, first day/last day. */
    private static String dates(LocalDate startsOn, LocalDate endsOn) {
        return startsOn + "/" + endsOn;
    }

    private Term term(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Term(rs.getLong("id"), rs.getLong("school_id"), rs.getString("code"), rs.getString("name"),
                rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class),
                Period.parse(rs.getString("check_in_cadence")));
    }
}
