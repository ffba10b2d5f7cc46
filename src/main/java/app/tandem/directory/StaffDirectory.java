package app.tandem.directory;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff are Tandem rows (name, email, language, schools) and Camunda users of the same username,
 * so one account signs in to Tandem and to Camunda's webapps.
 */
@Repository
public class StaffDirectory {

    private static final String COLUMNS = "username, district_id, full_name, email, preferred_language";

    /** Who Tandem itself is in the audit log, for records it makes without a person (the demo district). */
    public static final String TANDEM = "tandem";

    private final JdbcClient jdbc;
    private final IdentityService identity;
    private final ChangeLog changes;

    public StaffDirectory(JdbcClient jdbc, IdentityService identity, ChangeLog changes) {
        this.jdbc = jdbc;
        this.identity = identity;
        this.changes = changes;
    }

    /** A person Tandem adds itself (the demo district, tests' fixtures). */
    @Transactional
    public StaffMember add(StaffMember member, String password, Collection<Role> roles, Collection<Long> schoolIds) {
        return add(member, password, roles, schoolIds, TANDEM, ChangeSource.SETUP);
    }

    @Transactional
    public StaffMember add(StaffMember member, String password, Collection<Role> roles, Collection<Long> schoolIds,
                           String changedBy, ChangeSource source) {
        return addToGroups(member, password, roles.stream().map(Role::groupId).toList(), schoolIds, changedBy,
                source);
    }

    /** A person in any of Tandem's groups, a language's liaisons' included (made when it is the first). */
    @Transactional
    public StaffMember addToGroups(StaffMember member, String password, Collection<String> groups,
                                   Collection<Long> schoolIds, String changedBy, ChangeSource source) {
        jdbc.sql("insert into staff_member (" + COLUMNS + ") values (?, ?, ?, ?, ?)")
                .params(member.username(), member.districtId(), member.fullName(), member.email(),
                        member.preferredLanguage())
                .update();
        for (Long schoolId : schoolIds) {
            jdbc.sql("insert into staff_school (username, school_id) values (?, ?)")
                    .params(member.username(), schoolId)
                    .update();
        }
        User user = identity.newUser(member.username());
        int lastSpace = member.fullName().lastIndexOf(' ');
        user.setFirstName(lastSpace > 0 ? member.fullName().substring(0, lastSpace) : member.fullName());
        user.setLastName(lastSpace > 0 ? member.fullName().substring(lastSpace + 1) : "");
        user.setEmail(member.email());
        user.setPassword(password);
        identity.saveUser(user);
        for (String group : groups) {
            if (identity.createGroupQuery().groupId(group).count() == 0) {
                Group made = identity.newGroup(group);
                made.setName(group);
                made.setType("WORKFLOW");
                identity.saveGroup(made);
            }
            identity.createMembership(member.username(), group);
        }
        changes.recordAccount(null, account(member.username()).orElseThrow(), changedBy, source);
        return member;
    }

    /**
     * Puts an account that already signs in on a district's staff, under the name and email of its Camunda
     * account: the operator of a new install, whose account Camunda made from CAMUNDA_BPM_ADMINUSER_ID.
     */
    @Transactional
    public void enrol(String username, long districtId, String language, String changedBy, ChangeSource source) {
        StaffAccount before = account(username).orElse(null);
        User user = identity.createUserQuery().userId(username).singleResult();
        String name = user == null ? "" : String.join(" ", blankIfNull(user.getFirstName()),
                blankIfNull(user.getLastName())).strip();
        String email = user == null || blankIfNull(user.getEmail()).isBlank() ? username + "@localhost"
                : user.getEmail();
        jdbc.sql("insert into staff_member (" + COLUMNS + ") values (?, ?, ?, ?, ?)")
                .params(username, districtId, name.isEmpty() ? username : name, email, language)
                .update();
        changes.recordAccount(before, account(username).orElseThrow(), changedBy, source);
    }

    private static String blankIfNull(String text) {
        return text == null ? "" : text;
    }

    /**
     * Where a person works: their district and schools.
     *
     * @param districtId null for an account on no district's staff
     */
    public record Workplace(Long districtId, Set<Long> schoolIds) {
    }

    public Workplace workplaceOf(String username) {
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
        return new Workplace(district[0], Set.copyOf(schools));
    }

    /** The account as it stands: its staff record, if any, its groups and its schools. */
    public Optional<StaffAccount> account(String username) {
        Optional<StaffMember> member = byUsername(username);
        Set<String> groups = new HashSet<>();
        identity.createGroupQuery().groupMember(username).list().forEach(group -> groups.add(group.getId()));
        if (member.isEmpty() && groups.isEmpty() && identity.createUserQuery().userId(username).count() == 0) {
            return Optional.empty();
        }
        Set<Long> schools = workplaceOf(username).schoolIds();
        return Optional.of(new StaffAccount(username, member.map(StaffMember::districtId).orElse(null),
                member.map(StaffMember::fullName).orElse(null), member.map(StaffMember::email).orElse(null),
                member.map(StaffMember::preferredLanguage).orElse(null), groups, schools));
    }

    public Optional<StaffMember> byUsername(String username) {
        return jdbc.sql("select " + COLUMNS + " from staff_member where username = ?")
                .param(username)
                .query(StaffMember::row)
                .optional();
    }

    /** The school's active staff: a deactivated person is no one's colleague to hand work to. */
    public List<StaffMember> atSchool(long schoolId) {
        return jdbc.sql("select s.username, s.district_id, s.full_name, s.email, s.preferred_language "
                        + "from staff_member s join staff_school ss on ss.username = s.username "
                        + "where ss.school_id = ? and s.active order by s.full_name")
                .param(schoolId)
                .query(StaffMember::row)
                .list();
    }

    /** Of the given usernames, those who work at the school; the rest are not the school's staff. */
    public List<String> keepThoseAtSchool(long schoolId, Collection<String> usernames) {
        if (usernames.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select username from staff_school where school_id = :school and username in (:names) "
                        + "order by username")
                .param("school", schoolId)
                .param("names", usernames)
                .query(String.class)
                .list();
    }

    /** A corrected address, in Tandem and in the Camunda account alike, and in the audit log. */
    @Transactional
    public void changeEmail(String username, String email, String changedBy, ChangeSource source) {
        Optional<StaffMember> before = byUsername(username);
        before.ifPresent(member -> changes.log(ChangeSubject.staff(username, member.districtId()), ChangedField.EMAIL,
                member.email(), email, changedBy, source));
        jdbc.sql("update staff_member set email = ? where username = ?").params(email, username).update();
        User user = identity.createUserQuery().userId(username).singleResult();
        if (user != null) {
            user.setEmail(email);
            identity.saveUser(user);
        }
    }

    /** The language mail and pages use for this person: a language tag such as en or es. */
    @Transactional
    public void changeLanguage(String username, String language) {
        jdbc.sql("update staff_member set preferred_language = ? where username = ?").params(language, username)
                .update();
    }

    /** Whether the person may sign in; an account without a staff record (the first operator) always may. */
    public boolean isActive(String username) {
        return jdbc.sql("select active from staff_member where username = ?").param(username)
                .query(Boolean.class).optional().orElse(true);
    }

    /** Deactivates or reactivates a person, and logs it. */
    @Transactional
    public void changeActive(String username, boolean active, String changedBy, ChangeSource source) {
        StaffMember member = byUsername(username).orElseThrow();
        boolean was = isActive(username);
        jdbc.sql("update staff_member set active = ? where username = ?").params(active, username).update();
        changes.log(ChangeSubject.staff(username, member.districtId()), ChangedField.ACTIVE, String.valueOf(was),
                String.valueOf(active), changedBy, source);
    }

    /** Whose address this is, ignoring case: one address belongs to one account. */
    public Optional<String> usernameByEmail(String email) {
        if (email == null || email.isBlank()) {
            return Optional.empty();
        }
        return jdbc.sql("select username from staff_member where lower(email) = ? order by username")
                .param(email.strip().toLowerCase(java.util.Locale.ROOT))
                .query(String.class).list().stream().findFirst();
    }

    /** Whether a Tandem or Camunda account has this username. */
    public boolean usernameTaken(String username) {
        return byUsername(username).isPresent() || identity.createUserQuery().userId(username).count() > 0;
    }

    /** The groups of each of these people, in one query. */
    public java.util.Map<String, Set<String>> groupsOf(Collection<String> usernames) {
        java.util.Map<String, Set<String>> groups = new java.util.HashMap<>();
        if (!usernames.isEmpty()) {
            jdbc.sql("select USER_ID_, GROUP_ID_ from ACT_ID_MEMBERSHIP where USER_ID_ in (:names)")
                    .param("names", usernames)
                    .query(rs -> {
                        groups.computeIfAbsent(rs.getString(1), name -> new java.util.TreeSet<>()).add(rs.getString(2));
                    });
        }
        return groups;
    }

    /** The schools of each of these people, in one query. */
    public java.util.Map<String, Set<Long>> schoolsOf(Collection<String> usernames) {
        java.util.Map<String, Set<Long>> schools = new java.util.HashMap<>();
        if (!usernames.isEmpty()) {
            jdbc.sql("select username, school_id from staff_school where username in (:names)")
                    .param("names", usernames)
                    .query(rs -> {
                        schools.computeIfAbsent(rs.getString(1), name -> new HashSet<>()).add(rs.getLong(2));
                    });
        }
        return schools;
    }

    /** Of these usernames, those deactivated. */
    public Set<String> deactivated(Collection<String> usernames) {
        if (usernames.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql("select username from staff_member where not active and username in (:names)")
                .param("names", usernames).query(String.class).list());
    }

    public int count() {
        return jdbc.sql("select count(*) from staff_member").query(Integer.class).single();
    }
}
