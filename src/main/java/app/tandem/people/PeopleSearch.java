package app.tandem.people;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.tandem.directory.StaffMember;
import app.tandem.system.LikePattern;
import app.tandem.system.Paged;

/**
 * The people page's list: one query for the page and one for the count, whatever the filter. It reads the
 * directory's staff tables and the open invitations of security's one-time links together, as only the people page
 * needs them together.
 */
@Repository
class PeopleSearch {

    /** As security's OneTimeLinks counts an invitation open: neither used nor revoked, perhaps expired. */
    private static final String OPEN_INVITATION = "exists (select 1 from one_time_link l where l.username = m.username "
            + "and l.purpose = 'INVITATION' and l.used_at is null and l.revoked_at is null)";

    private final JdbcClient jdbc;

    PeopleSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param districtId the district's staff, or everyone's for null
     * @param atSchools  only people at one of these schools (a coordinator's), or null for no such limit
     */
    Paged<StaffMember> find(Long districtId, Collection<Long> atSchools, PeopleQuery query) {
        if (atSchools != null && atSchools.isEmpty()) {
            return new Paged<>(List.of(), 1, PeopleQuery.PAGE_SIZE, 0);
        }
        Map<String, Object> params = new HashMap<>();
        String where = where(districtId, atSchools, query, params);
        long total = jdbc.sql("select count(*) from staff_member m where " + where).params(params)
                .query(Long.class).single();
        int number = Paged.within(query.page(), PeopleQuery.PAGE_SIZE, total);
        long offset = (long) (number - 1) * PeopleQuery.PAGE_SIZE;
        List<StaffMember> rows = jdbc.sql("select m.username, m.district_id, m.full_name, m.email, "
                        + "m.preferred_language from staff_member m where " + where
                        + " order by m.full_name, m.username offset " + offset + " rows fetch next " + PeopleQuery.PAGE_SIZE
                        + " rows only")
                .params(params)
                .query(StaffMember::row)
                .list();
        return new Paged<>(rows, number, PeopleQuery.PAGE_SIZE, total);
    }

    private static String where(Long districtId, Collection<Long> atSchools, PeopleQuery query,
                                Map<String, Object> params) {
        StringBuilder where = new StringBuilder("1 = 1");
        if (districtId != null) {
            where.append(" and m.district_id = :district");
            params.put("district", districtId);
        }
        if (atSchools != null) {
            where.append(" and exists (select 1 from staff_school s where s.username = m.username "
                    + "and s.school_id in (:schools))");
            params.put("schools", atSchools);
        }
        if (!query.text().isEmpty()) {
            where.append(" and (lower(m.full_name) like :text" + LikePattern.ESCAPE + " or lower(m.username) like :text"
                    + LikePattern.ESCAPE + " or lower(m.email) like :text" + LikePattern.ESCAPE + ")");
            params.put("text", LikePattern.containing(query.text()));
        }
        if (query.schoolId() != null) {
            where.append(" and exists (select 1 from staff_school s where s.username = m.username "
                    + "and s.school_id = :school)");
            params.put("school", query.schoolId());
        }
        if (query.group() != null) {
            where.append(" and exists (select 1 from ACT_ID_MEMBERSHIP g where g.USER_ID_ = m.username "
                    + "and g.GROUP_ID_ = :group)");
            params.put("group", query.group());
        }
        if (query.status() != null) {
            where.append(switch (query.status()) {
                case DEACTIVATED -> " and not m.active";
                case INVITED -> " and m.active and " + OPEN_INVITATION;
                case ACTIVE -> " and m.active and not " + OPEN_INVITATION;
            });
        }
        return where.toString();
    }
}
