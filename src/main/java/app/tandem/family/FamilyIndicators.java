package app.tandem.family;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The family indicators of one school's term, each one indexed query on family_message
 * (family_message_by_school: school_id, term_id, kind, status). Messages withheld on purpose
 * (contact not allowed, an adult student's no) count in no denominator.
 */
@Repository
public class FamilyIndicators {

    /** 4e.1 for one update cycle: students with a caregiver who may hear, and those whose caregivers got the update. */
    public record UpdateCycle(int cycleNo, int students, int studentsReached) {
    }

    /** A share: how many of how many. */
    public record Share(int reached, int of) {
    }

    static final String UPDATES_PER_CYCLE = """
            select m.cycle_no,
                   count(distinct m.student_id) as students,
                   count(distinct case when m.status = 'DELIVERED' then m.student_id end) as students_reached
              from family_message m
             where m.school_id = ? and m.term_id = ? and m.kind = 'PROGRESS_UPDATE' and m.status <> 'WITHHELD'
             group by m.cycle_no
             order by m.cycle_no""";

    static final String INTRODUCED_BEFORE_START = """
            select count(distinct m.caregiver_id) as caregivers,
                   count(distinct case when m.status = 'DELIVERED' and m.delivered_on < t.starts_on
                                       then m.caregiver_id end) as reached_before_start
              from family_message m
              join school_term t on t.id = m.term_id
             where m.school_id = ? and m.term_id = ? and m.kind = 'INTRODUCTION' and m.status <> 'WITHHELD'
               and not exists (select 1 from late_introduction l where l.term_id = m.term_id
                                                                  and l.caregiver_id = m.caregiver_id)""";

    static final String INTRODUCED_LATE = """
            select count(distinct m.caregiver_id) as caregivers,
                   count(distinct case when m.status = 'DELIVERED' then m.caregiver_id end) as reached
              from family_message m
             where m.school_id = ? and m.term_id = ? and m.kind = 'INTRODUCTION' and m.status <> 'WITHHELD'
               and exists (select 1 from late_introduction l where l.term_id = m.term_id
                                                              and l.caregiver_id = m.caregiver_id)""";

    static final String IN_PREFERRED_LANGUAGE = """
            select count(*) as delivered,
                   coalesce(sum(case when m.language = m.preferred_language then 1 else 0 end), 0) as in_preferred_language
              from family_message m
             where m.school_id = ? and m.term_id = ? and m.status = 'DELIVERED'""";

    private final JdbcClient jdbc;

    public FamilyIndicators(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** 4e.1: per cycle, the share of students whose caregivers got the progress update. */
    public List<UpdateCycle> updatesPerCycle(long schoolId, long termId) {
        return jdbc.sql(UPDATES_PER_CYCLE).params(schoolId, termId)
                .query((rs, n) -> new UpdateCycle(rs.getInt(1), rs.getInt(2), rs.getInt(3)))
                .list();
    }

    /** 4e.2: the share of caregivers introduced on time who got the program's introduction before the term started. */
    public Share introducedBeforeStart(long schoolId, long termId) {
        return jdbc.sql(INTRODUCED_BEFORE_START).params(schoolId, termId)
                .query((rs, n) -> new Share(rs.getInt(2), rs.getInt(1)))
                .single();
    }

    /** Beside 4e.2, never in it: caregivers introduced late (their child enrolled after the introductions), and those reached. */
    public Share introducedLate(long schoolId, long termId) {
        return jdbc.sql(INTRODUCED_LATE).params(schoolId, termId)
                .query((rs, n) -> new Share(rs.getInt(2), rs.getInt(1)))
                .single();
    }

    /** 4e.3: the share of delivered family messages that were in the caregiver's preferred language. */
    public Share inPreferredLanguage(long schoolId, long termId) {
        return jdbc.sql(IN_PREFERRED_LANGUAGE).params(schoolId, termId)
                .query((rs, n) -> new Share(rs.getInt(2), rs.getInt(1)))
                .single();
    }

    /** For the dashboard's "who has not been reached": caregivers whose introduction is not delivered. */
    public List<Long> caregiversNotIntroduced(long schoolId, long termId) {
        return jdbc.sql("select m.caregiver_id from family_message m where m.school_id = ? and m.term_id = ? "
                        + "and m.kind = 'INTRODUCTION' and m.status not in ('DELIVERED', 'WITHHELD') order by m.caregiver_id")
                .params(schoolId, termId)
                .query(Long.class)
                .list();
    }
}
