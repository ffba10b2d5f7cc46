package app.tandem.tasklist;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

import app.tandem.directory.School;

/** Who is asking: the signed-in account, its groups (from its roles) and its schools. */
@Component
class Workers {

    private static final String ROLE = "ROLE_";

    private final JdbcClient jdbc;

    Workers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Worker of(Authentication authentication) {
        String username = authentication.getName();
        Set<String> groups = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith(ROLE))
                .map(authority -> authority.substring(ROLE.length()))
                .collect(Collectors.toSet());
        Set<Long> schools = new HashSet<>();
        Long[] district = {null};
        jdbc.sql("select m.district_id, s.school_id from staff_member m "
                        + "left join staff_school s on s.username = m.username where m.username = ?")
                .param(username)
                .query(rs -> {
                    district[0] = rs.getLong("district_id");
                    long school = rs.getLong("school_id");
                    if (!rs.wasNull()) {
                        schools.add(school);
                    }
                });
        return new Worker(username, groups, schools, district[0]);
    }

    /** The schools a person may filter their list by: their own, or the whole district's for its readers. */
    List<School> schoolsOf(Worker worker) {
        if (worker.readsWholeDistrict()) {
            return jdbc.sql("select id, district_id, code, name from school where district_id = ? order by name")
                    .param(worker.districtId())
                    .query(School::row)
                    .list();
        }
        if (worker.schoolIds().isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select id, district_id, code, name from school where id in (:ids) order by name")
                .param("ids", worker.schoolIds())
                .query(School::row)
                .list();
    }
}
