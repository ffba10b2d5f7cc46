package app.tandem.directory;

import java.sql.Timestamp;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.tandem.system.DistrictClock;

/**
 * The staff audit log: every change to a person's groups, schools, email or active state, whichever page,
 * import or task made it. Written in the same transaction as the change, so neither exists without the other.
 */
@Repository
public class StaffChanges {

    private static final String COLUMNS = "changed_at, username, district_id, field, before_value, after_value, "
            + "changed_by, source";

    private final JdbcClient jdbc;
    private final DistrictClock clock;

    StaffChanges(JdbcClient jdbc, DistrictClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Logs what differs between an account before and after a change.
     *
     * @param before null for a new account
     */
    public void record(StaffAccount before, StaffAccount after, String changedBy, ChangeSource source) {
        Long district = after.districtId() != null ? after.districtId() : before == null ? null : before.districtId();
        log(after.username(), district, StaffField.EMAIL, before == null ? null : before.email(), after.email(),
                changedBy, source);
        log(after.username(), district, StaffField.GROUPS, before == null ? null : sorted(before.groups()),
                sorted(after.groups()), changedBy, source);
        log(after.username(), district, StaffField.SCHOOLS, before == null ? null : schoolCodes(before.schoolIds()),
                schoolCodes(after.schoolIds()), changedBy, source);
    }

    public void log(String username, Long districtId, StaffField field, String before, String after,
                    String changedBy, ChangeSource source) {
        String who = changedBy == null ? StaffDirectory.TANDEM : changedBy;
        String was = before == null || before.isEmpty() ? null : before;
        String now = after == null || after.isEmpty() ? null : after;
        if (Objects.equals(was, now)) {
            return;
        }
        jdbc.sql("insert into staff_change (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(Timestamp.from(clock.now()), username, districtId, field.name(),
                        was, now, who, source.name())
                .update();
    }

    /** The newest changes first; a district's only, or every district's when {@code districtId} is null. */
    public List<StaffChange> newest(Long districtId, int offset, int limit) {
        return jdbc.sql("select " + COLUMNS + " from staff_change " + where(districtId)
                        + " order by id desc offset " + offset + " rows fetch next " + limit + " rows only")
                .params(districtId == null ? List.of() : List.of(districtId))
                .query((rs, n) -> new StaffChange(rs.getTimestamp(1).toInstant(), rs.getString(2),
                        (Long) rs.getObject(3, Long.class), StaffField.valueOf(rs.getString(4)), rs.getString(5),
                        rs.getString(6), rs.getString(7), ChangeSource.valueOf(rs.getString(8))))
                .list();
    }

    public int count(Long districtId) {
        return jdbc.sql("select count(*) from staff_change " + where(districtId))
                .params(districtId == null ? List.of() : List.of(districtId))
                .query(Integer.class).single();
    }

    private static String where(Long districtId) {
        return districtId == null ? "" : "where district_id = ?";
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
