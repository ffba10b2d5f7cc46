package app.tandem.directory;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Districts and their schools. */
@Repository
public class Schools {

    private final JdbcClient jdbc;

    public Schools(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<District> districtByCode(String code) {
        return jdbc.sql("select id, code, name, time_zone from district where code = ?")
                .param(code)
                .query((rs, n) -> new District(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                        ZoneId.of(rs.getString("time_zone"))))
                .optional();
    }

    public District addDistrict(String code, String name, ZoneId timeZone) {
        jdbc.sql("insert into district (code, name, time_zone) values (?, ?, ?)")
                .params(code, name, timeZone.getId())
                .update();
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

    /** Every district's schools, by name. */
    public List<School> all() {
        return jdbc.sql("select id, district_id, code, name from school order by name").query(School::row).list();
    }

    public School add(long districtId, String code, String name) {
        jdbc.sql("insert into school (district_id, code, name) values (?, ?, ?)")
                .params(districtId, code, name)
                .update();
        return byCode(code).orElseThrow();
    }
}
