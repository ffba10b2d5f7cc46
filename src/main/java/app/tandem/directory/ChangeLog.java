package app.tandem.directory;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.tandem.system.DistrictClock;

/**
 * The audit log of every administrative change: staff accounts, schools, terms, programs and district settings,
 * whichever page, import or task made it. Written in the same transaction as the change, so neither exists without
 * the other. It holds codes, usernames, dates and settings, never anything about a student or a caregiver
 * beyond a caregiver's number and the code of their consent to email.
 */
@Repository
public class ChangeLog {

    private static final int VALUE_LENGTH = 4_000;
    private static final String COLUMNS = "changed_at, subject_kind, subject_key, district_id, field, before_value, "
            + "after_value, changed_by, source";

    private final JdbcClient jdbc;
    private final DistrictClock clock;

    ChangeLog(JdbcClient jdbc, DistrictClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Logs what differs between an account before and after a change.
     *
     * @param before null for a new account
     */
    public void recordAccount(StaffAccount before, StaffAccount after, String changedBy, ChangeSource source) {
        Long district = after.districtId() != null ? after.districtId() : before == null ? null : before.districtId();
        ChangeSubject subject = ChangeSubject.staff(after.username(), district);
        log(subject, ChangedField.EMAIL, before == null ? null : before.email(), after.email(), changedBy, source);
        log(subject, ChangedField.GROUPS, before == null ? null : sorted(before.groups()), sorted(after.groups()),
                changedBy, source);
        log(subject, ChangedField.SCHOOLS, before == null ? null : schoolCodes(before.schoolIds()),
                schoolCodes(after.schoolIds()), changedBy, source);
    }

    /** Logs one part of a subject that changed; nothing when it is the same before and after. */
    public void log(ChangeSubject subject, ChangedField field, String before, String after, String changedBy,
                    ChangeSource source) {
        String who = changedBy == null ? StaffDirectory.TANDEM : changedBy;
        String was = fitting(before);
        String now = fitting(after);
        if (Objects.equals(was, now)) {
            return;
        }
        jdbc.sql("insert into change_log (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(Timestamp.from(clock.now()), subject.kind().name(), subject.key(), subject.districtId(),
                        field.name(), was, now, who, source.name())
                .update();
    }

    /** A value as the log keeps it: none when empty, cut to the column's 4,000 characters (a manager of 1,800 schools). */
    private static String fitting(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        return value.length() <= VALUE_LENGTH ? value : value.substring(0, VALUE_LENGTH - 1) + "…";
    }

    /**
     * The newest changes first.
     *
     * @param districtId a district's only, or every district's when null
     * @param kind       changes of one kind of subject, or of every kind when null
     */
    public List<LoggedChange> newest(Long districtId, SubjectKind kind, int offset, int limit) {
        Filter filter = filter(districtId, kind);
        return jdbc.sql("select " + COLUMNS + " from change_log" + filter.where()
                        + " order by id desc offset " + offset + " rows fetch next " + limit + " rows only")
                .params(filter.params())
                .query((rs, n) -> new LoggedChange(rs.getTimestamp(1).toInstant(), SubjectKind.valueOf(rs.getString(2)),
                        rs.getString(3), (Long) rs.getObject(4, Long.class), ChangedField.valueOf(rs.getString(5)),
                        rs.getString(6), rs.getString(7), rs.getString(8), ChangeSource.valueOf(rs.getString(9))))
                .list();
    }

    public int count(Long districtId, SubjectKind kind) {
        Filter filter = filter(districtId, kind);
        return jdbc.sql("select count(*) from change_log" + filter.where())
                .params(filter.params())
                .query(Integer.class).single();
    }

    private record Filter(List<String> conditions, List<Object> params) {

        String where() {
            return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        }
    }

    private static Filter filter(Long districtId, SubjectKind kind) {
        List<String> conditions = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (districtId != null) {
            conditions.add("district_id = ?");
            params.add(districtId);
        }
        if (kind != null) {
            conditions.add("subject_kind = ?");
            params.add(kind.name());
        }
        return new Filter(conditions, params);
    }

    private static String sorted(Collection<String> values) {
        return String.join("; ", new TreeSet<>(values));
    }

    private String schoolCodes(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return null;
        }
        return sorted(jdbc.sql("select code from school where id in (:ids)").param("ids", ids)
                .query(String.class).list());
    }
}
