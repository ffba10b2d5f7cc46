package app.tandem.directory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import app.tandem.system.Messages;

/** Districts and their schools. */
@Repository
public class Schools {

    private static final String DISTRICT_COLUMNS = "id, code, name, time_zone";
    private static final int NAME_LENGTH = 200;

    private final JdbcClient jdbc;
    private final Messages messages;
    private final ChangeLog changes;
    private final DistrictTimeZones zones;

    public Schools(JdbcClient jdbc, Messages messages, ChangeLog changes, DistrictTimeZones zones) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.changes = changes;
        this.zones = zones;
    }

    public Optional<District> districtByCode(String code) {
        return jdbc.sql("select " + DISTRICT_COLUMNS + " from district where code = ?")
                .param(code)
                .query(Schools::district)
                .optional();
    }

    public Optional<District> districtById(long id) {
        return jdbc.sql("select " + DISTRICT_COLUMNS + " from district where id = ?")
                .param(id)
                .query(Schools::district)
                .optional();
    }

    public List<District> districts() {
        return jdbc.sql("select " + DISTRICT_COLUMNS + " from district order by name").query(Schools::district).list();
    }

    public int districtCount() {
        return jdbc.sql("select count(*) from district").query(Integer.class).single();
    }

    void changeDistrict(long id, String name, ZoneId timeZone) {
        jdbc.sql("update district set name = ?, time_zone = ? where id = ?")
                .params(name, timeZone.getId(), id)
                .update();
        zones.forget();
    }

    private static District district(ResultSet rs, int row) throws SQLException {
        return new District(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                ZoneId.of(rs.getString("time_zone")));
    }

    public District addDistrict(String code, String name, ZoneId timeZone) {
        jdbc.sql("insert into district (code, name, time_zone) values (?, ?, ?)")
                .params(code, name, timeZone.getId())
                .update();
        zones.forget();
        return districtByCode(code).orElseThrow();
    }

    public Optional<School> byCode(String code) {
        return jdbc.sql("select id, district_id, code, name from school where code = ?")
                .param(code)
                .query(School::row)
                .optional();
    }

    public Optional<School> byId(long id) {
        return jdbc.sql("select id, district_id, code, name from school where id = ?")
                .param(id)
                .query(School::row)
                .optional();
    }

    public List<School> inDistrict(long districtId) {
        return jdbc.sql("select id, district_id, code, name from school where district_id = ? order by name")
                .param(districtId)
                .query(School::row)
                .list();
    }

    /** The names of these schools, by id, in one query. */
    public Map<Long, String> namesOf(Collection<Long> ids) {
        Map<Long, String> names = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("select id, name from school where id in (:ids)").param("ids", ids)
                    .query(rs -> {
                        names.put(rs.getLong(1), rs.getString(2));
                    });
        }
        return names;
    }

    /** Every district's schools, for an operator. */
    public List<School> all() {
        return jdbc.sql("select id, district_id, code, name from school order by name")
                .query(School::row)
                .list();
    }

    /** A school Tandem adds itself (the demo district, tests' fixtures). */
    @Transactional
    public School add(long districtId, String code, String name) {
        return add(districtId, code, name, StaffDirectory.TANDEM, ChangeSource.SETUP);
    }

    /** A school whose code and name were checked already; logged. */
    @Transactional
    public School add(long districtId, String code, String name, String changedBy, ChangeSource source) {
        jdbc.sql("insert into school (district_id, code, name) values (?, ?, ?)")
                .params(districtId, code, name)
                .update();
        School school = byCode(code).orElseThrow();
        changes.log(ChangeSubject.school(school), ChangedField.NAME, null, name, changedBy, source);
        return school;
    }

    /** The district's schools, open and closed, with how many terms each has had. */
    public List<SchoolListing> listing(long districtId) {
        return jdbc.sql("select s.id, s.district_id, s.code, s.name, s.closed_on, "
                        + "(select count(*) from school_term t where t.school_id = s.id) as terms "
                        + "from school s where s.district_id = ? order by s.name")
                .param(districtId)
                .query((rs, n) -> new SchoolListing(School.row(rs, n), rs.getObject("closed_on", LocalDate.class),
                        rs.getInt("terms")))
                .list();
    }

    /** The day the school closed; empty while it is open. */
    public Optional<LocalDate> closedOn(long schoolId) {
        return jdbc.sql("select closed_on from school where id = ? and closed_on is not null")
                .param(schoolId)
                .query((rs, n) -> rs.getObject(1, LocalDate.class))
                .optional();
    }

    /** A new school of the district, checked first: a usable code no school of any district has, and a name. */
    @Transactional
    public School open(long districtId, String code, String name, String changedBy, ChangeSource source) {
        String wanted = code == null ? "" : code.strip();
        if (!Codes.usable(wanted)) {
            throw messages.invalid("schoolCode", "invalid.code", wanted);
        }
        String named = checkedName(name);
        if (byCode(wanted).isPresent()) {
            throw messages.invalid("schoolCode", "invalid.schoolCodeTaken", wanted);
        }
        try {
            return add(districtId, wanted, named, changedBy, source);
        } catch (DuplicateKeyException e) {
            throw messages.invalid("schoolCode", "invalid.schoolCodeTaken", wanted);
        }
    }

    @Transactional
    public void rename(long schoolId, String name, String changedBy, ChangeSource source) {
        String named = checkedName(name);
        School school = byId(schoolId).orElseThrow();
        jdbc.sql("update school set name = ? where id = ?").params(named, schoolId).update();
        changes.log(ChangeSubject.school(school), ChangedField.NAME, school.name(), named, changedBy, source);
    }

    /** The school keeps its terms and their evidence; it takes no new term until it is reopened. */
    @Transactional
    public void close(long schoolId, LocalDate day, String changedBy, ChangeSource source) {
        if (jdbc.sql("update school set closed_on = ? where id = ? and closed_on is null").params(day, schoolId)
                .update() == 1) {
            changes.log(ChangeSubject.school(byId(schoolId).orElseThrow()), ChangedField.CLOSED, null,
                    day.toString(), changedBy, source);
        }
    }

    @Transactional
    public void reopen(long schoolId, String changedBy, ChangeSource source) {
        Optional<LocalDate> closedOn = closedOn(schoolId);
        if (closedOn.isPresent() && jdbc.sql("update school set closed_on = null where id = ? "
                + "and closed_on is not null").param(schoolId).update() == 1) {
            changes.log(ChangeSubject.school(byId(schoolId).orElseThrow()), ChangedField.CLOSED,
                    closedOn.get().toString(), null, changedBy, source);
        }
    }

    private String checkedName(String name) {
        if (name == null || name.isBlank()) {
            throw messages.invalid("schoolName", "invalid.required");
        }
        if (name.strip().length() > NAME_LENGTH) {
            throw messages.invalid("schoolName", "invalid.tooLong", NAME_LENGTH);
        }
        return name.strip();
    }
}
