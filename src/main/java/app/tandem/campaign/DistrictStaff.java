package app.tandem.campaign;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import app.tandem.directory.Role;
import app.tandem.directory.StaffMember;

/** The district's staff as the campaign needs them: who can own outreach, who can approve a plan. */
@Component
public class DistrictStaff {

    private static final String STAFF = "select s.username, s.district_id, s.full_name, s.email, s.preferred_language "
            + "from staff_member s ";

    private final JdbcClient jdbc;

    DistrictStaff(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<StaffMember> everyone(long districtId) {
        return jdbc.sql(STAFF + "where s.district_id = ? order by s.full_name, s.username")
                .param(districtId)
                .query(StaffMember::row)
                .list();
    }

    public List<StaffMember> inGroups(long districtId, List<String> groups) {
        if (groups.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(STAFF + "where s.district_id = :district and exists (select 1 from ACT_ID_MEMBERSHIP m "
                        + "where m.USER_ID_ = s.username and m.GROUP_ID_ in (:groups)) order by s.full_name, s.username")
                .param("district", districtId)
                .param("groups", groups)
                .query(StaffMember::row)
                .list();
    }

    public List<StaffMember> managers(long districtId) {
        return inGroups(districtId, List.of(Role.MANAGER.groupId()));
    }

    public Optional<String> districtCode(long districtId) {
        return jdbc.sql("select code from district where id = ?").param(districtId).query(String.class).optional();
    }

    public Optional<String> districtName(long districtId) {
        return jdbc.sql("select name from district where id = ?").param(districtId).query(String.class).optional();
    }

    /** A person's name for pages and mail; the username when they are not on the staff (any more). */
    public String nameOf(String username) {
        if (username == null) {
            return "";
        }
        return jdbc.sql("select full_name from staff_member where username = ?")
                .param(username)
                .query(String.class)
                .optional()
                .orElse(username);
    }
}
