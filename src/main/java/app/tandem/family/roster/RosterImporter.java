package app.tandem.family.roster;

import java.io.IOException;
import java.io.Reader;
import java.sql.Date;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import app.tandem.directory.ChangeLog;
import app.tandem.directory.ChangeSource;
import app.tandem.directory.School;
import app.tandem.directory.Schools;
import app.tandem.directory.StaffAccount;
import app.tandem.directory.StaffDirectory;
import app.tandem.directory.TermPlan;
import app.tandem.directory.Terms;
import app.tandem.security.PasswordLinks;
import app.tandem.directory.StaffGroups;
import app.tandem.family.StudentsEnrolled;
import app.tandem.family.roster.RosterRows.CaregiverRow;
import app.tandem.family.roster.RosterRows.SchoolRow;
import app.tandem.family.roster.RosterRows.StaffRow;
import app.tandem.family.roster.RosterRows.StudentRow;
import app.tandem.family.roster.RosterRows.TermPlanRow;
import app.tandem.family.roster.RosterSummary.Change;
import app.tandem.system.DistrictClock;
import app.tandem.system.InvalidInputException;
import app.tandem.system.Messages;

/**
 * Imports a roster file: checks every row first and writes nothing if any is wrong; otherwise writes
 * the whole file in one transaction (students, caregivers and their links in JDBC batches) and says
 * what was added, updated or already so. Importing the same file again changes nothing.
 */
@Service
public class RosterImporter {

    /** Told how far the import has come. */
    public interface Progress {
        void at(Phase phase, int done, int total);
    }

    public enum Phase { CHECKING, IMPORTING }

    /** Either the file's errors (nothing imported) or what the import changed. */
    public record Result(List<RosterError> errors, RosterSummary summary) {
        public boolean imported() {
            return errors.isEmpty();
        }
    }

    private static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final IdentityService identity;
    private final TransactionTemplate transaction;
    private final Messages messages;
    private final DistrictClock clock;
    private final StaffDirectory directory;
    private final ChangeLog changes;
    private final PasswordLinks invitations;
    private final ApplicationEventPublisher events;
    private final Schools schools;
    private final Terms terms;

    RosterImporter(JdbcClient jdbc, JdbcTemplate batch, IdentityService identity, TransactionTemplate transaction,
                   Messages messages, DistrictClock clock, StaffDirectory directory, ChangeLog changes,
                   PasswordLinks invitations, ApplicationEventPublisher events, Schools schools, Terms terms) {
        this.schools = schools;
        this.terms = terms;
        this.invitations = invitations;
        this.events = events;
        this.directory = directory;
        this.changes = changes;
        this.jdbc = jdbc;
        this.batch = batch;
        this.identity = identity;
        this.transaction = transaction;
        this.messages = messages;
        this.clock = clock;
    }

    /** The rules of the terms page word their refusals in the importer's language. */
    public Result importRoster(Reader file, RosterScope scope, Progress progress) throws IOException {
        Locale before = LocaleContextHolder.getLocale();
        LocaleContextHolder.setLocale(scope.locale());
        try {
            return checkAndWrite(file, scope, progress);
        } finally {
            LocaleContextHolder.setLocale(before);
        }
    }

    private Result checkAndWrite(Reader file, RosterScope scope, Progress progress) throws IOException {
        progress.at(Phase.CHECKING, 0, 0);
        RosterCheck check = new RosterCheck(scope, messages, schoolsOf(scope.districtId()),
                schoolsOutside(scope.districtId()), studentSchools(scope.districtId()), directory::account,
                clock.today(), terms, schoolNames(scope.districtId()));
        check.read(file);
        if (!check.errors().isEmpty()) {
            return new Result(check.errors(), null);
        }
        int total = check.rows;
        progress.at(Phase.IMPORTING, 0, total);
        try {
            RosterSummary summary = transaction.execute(status -> write(check, scope, progress, total));
            return new Result(List.of(), summary);
        } catch (TermRefused refused) {
            return new Result(List.of(refused.error), null);
        }
    }

    /** A term the check let pass and the terms page's rules refuse at the write: someone planned one meanwhile. */
    private static final class TermRefused extends RuntimeException {

        private final transient RosterError error;

        TermRefused(RosterError error) {
            super(null, null, false, false);
            this.error = error;
        }
    }

    private RosterSummary write(RosterCheck check, RosterScope scope, Progress progress, int total) {
        RosterSummary summary = RosterSummary.empty();
        int[] done = {0};
        Runnable step = () -> {
            done[0]++;
            if (done[0] % BATCH == 0 || done[0] == total) {
                progress.at(Phase.IMPORTING, done[0], total);
            }
        };
        writeSchools(check.schools, scope, summary, step);
        Map<String, Long> schools = schoolsOf(scope.districtId());
        writeTerms(check.terms, scope, schools, summary);
        writeStaff(check.staff, scope, schools, summary, step);
        writeStudents(check.students, scope, schools, summary, step);
        writeCaregivers(check.caregivers, scope, summary, step);
        enrolled(check, scope, schools);
        progress.at(Phase.IMPORTING, total, total);
        return summary;
    }

    private void writeSchools(List<SchoolRow> rows, RosterScope scope, RosterSummary summary, Runnable step) {
        Map<String, School> known = new HashMap<>();
        schools.inDistrict(scope.districtId()).forEach(school -> known.put(school.code(), school));
        for (SchoolRow row : rows) {
            School before = known.get(row.code());
            if (before == null) {
                schools.add(scope.districtId(), row.code(), row.name(), scope.username(), ChangeSource.IMPORT);
                summary.count("school", Change.ADDED);
            } else if (!before.name().equals(row.name())) {
                schools.rename(before.id(), row.name(), scope.username(), ChangeSource.IMPORT);
                summary.count("school", Change.UPDATED);
            } else {
                summary.count("school", Change.UNCHANGED);
            }
            step.run();
        }
    }

    /** Plans the school rows' terms as the terms page does, logged as the importer's. */
    private void writeTerms(List<TermPlanRow> rows, RosterScope scope, Map<String, Long> schoolIds,
                            RosterSummary summary) {
        for (TermPlanRow row : rows) {
            if (row.planned()) {
                summary.count(RosterSummary.TERMS, Change.UNCHANGED);
                continue;
            }
            try {
                terms.plan(new TermPlan(schoolIds.get(row.schoolCode()), row.code(), row.name(), row.startsOn(),
                        row.endsOn(), row.checkInCadence()), scope.username(), ChangeSource.IMPORT);
            } catch (InvalidInputException refused) {
                throw new TermRefused(new RosterError(row.row(), RosterColumns.TERM, refused.getMessage()));
            }
            summary.count(RosterSummary.TERMS, Change.ADDED);
        }
    }

    private void writeStaff(List<StaffRow> rows, RosterScope scope, Map<String, Long> schools, RosterSummary summary,
                            Runnable step) {
        List<String> added = new java.util.ArrayList<>();
        for (StaffRow row : rows) {
            StaffAccount was = directory.account(row.username()).orElse(null);
            Set<Long> schoolIds = new HashSet<>();
            row.schoolCodes().forEach(code -> schoolIds.add(schools.get(code)));
            List<Map<String, Object>> existing = jdbc.sql("select full_name, email, preferred_language from staff_member "
                    + "where username = ?").param(row.username()).query().listOfRows();
            if (existing.isEmpty()) {
                jdbc.sql("insert into staff_member (username, district_id, full_name, email, preferred_language) "
                                + "values (?, ?, ?, ?, ?)")
                        .params(row.username(), scope.districtId(), row.name(), row.email(), row.language()).update();
                schoolIds.forEach(id -> jdbc.sql("insert into staff_school (username, school_id) values (?, ?)")
                        .params(row.username(), id).update());
                account(row, true);
                summary.count("staff", Change.ADDED);
                added.add(row.username());
            } else {
                Map<String, Object> before = existing.get(0);
                boolean changed = !Objects.equals(before.get("full_name"), row.name())
                        || !Objects.equals(before.get("email"), row.email())
                        || !Objects.equals(before.get("preferred_language"), row.language());
                if (changed) {
                    jdbc.sql("update staff_member set full_name = ?, email = ?, preferred_language = ? where username = ?")
                            .params(row.name(), row.email(), row.language(), row.username()).update();
                    account(row, false);
                }
                if (!was.schoolIds().equals(schoolIds)) {
                    changed = true;
                    jdbc.sql("delete from staff_school where username = ?").param(row.username()).update();
                    schoolIds.forEach(id -> jdbc.sql("insert into staff_school (username, school_id) values (?, ?)")
                            .params(row.username(), id).update());
                }
                changed |= memberships(row);
                summary.count("staff", changed ? Change.UPDATED : Change.UNCHANGED);
            }
            changes.recordAccount(was, directory.account(row.username()).orElseThrow(), scope.username(),
                    ChangeSource.IMPORT);
            step.run();
        }
        if (scope.inviteNewStaff() && !added.isEmpty()) {
            inviteAfterCommit(added, scope.username());
        }
    }

    /** The schools of the file's students and caregivers: their late introductions start after the commit. */
    private void enrolled(RosterCheck check, RosterScope scope, Map<String, Long> schools) {
        Set<Long> schoolIds = new HashSet<>();
        check.students.forEach(row -> schoolIds.add(schools.get(row.schoolCode())));
        Map<String, Long> studentSchools = studentSchools(scope.districtId());
        check.caregivers.forEach(row -> {
            Long school = studentSchools.get(row.studentNumber());
            if (school != null) {
                schoolIds.add(school);
            }
        });
        if (!schoolIds.isEmpty()) {
            events.publishEvent(new StudentsEnrolled(schoolIds));
        }
    }

    /** Invitations go out only for an import that was saved: a refused file invites no one. */
    private void inviteAfterCommit(List<String> usernames, String invitedBy) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                usernames.forEach(username -> invitations.invite(username, invitedBy, ChangeSource.IMPORT));
            }
        });
    }

    /** Creates or renames the Camunda account; a new one gets a random password nobody knows (see invitations). */
    private void account(StaffRow row, boolean created) {
        User user = identity.createUserQuery().userId(row.username()).singleResult();
        created = user == null;
        if (user == null) {
            user = identity.newUser(row.username());
            created = true;
        }
        int lastSpace = row.name().lastIndexOf(' ');
        user.setFirstName(lastSpace > 0 ? row.name().substring(0, lastSpace) : row.name());
        user.setLastName(lastSpace > 0 ? row.name().substring(lastSpace + 1) : "");
        user.setEmail(row.email());
        if (created) {
            user.setPassword(UUID.randomUUID().toString());
        }
        identity.saveUser(user);
        memberships(row);
    }

    /**
     * The roster decides the Tandem groups (roles, operators and language groups); groups of other tools stay. The
     * check has made sure the importer may grant each of them and may change the account at all.
     */
    private boolean memberships(StaffRow row) {
        Set<String> current = new HashSet<>();
        identity.createGroupQuery().groupMember(row.username()).list().forEach(g -> current.add(g.getId()));
        boolean changed = false;
        for (String group : row.roles()) {
            if (!current.contains(group)) {
                if (identity.createGroupQuery().groupId(group).count() == 0) {
                    Group created = identity.newGroup(group);
                    created.setName(messages.text(java.util.Locale.ENGLISH, "role.liaisons") + " ("
                            + group.substring(group.lastIndexOf('-') + 1) + ")");
                    created.setType("WORKFLOW");
                    identity.saveGroup(created);
                }
                identity.createMembership(row.username(), group);
                changed = true;
            }
        }
        for (String group : current) {
            if (managed(group) && !row.roles().contains(group)) {
                identity.deleteMembership(row.username(), group);
                changed = true;
            }
        }
        return changed;
    }

    private static boolean managed(String group) {
        return StaffGroups.isKnown(group);
    }

    /** A student row that names no teacher keeps the teacher the student has: files without the column change none. */
    private void writeStudents(List<StudentRow> rows, RosterScope scope, Map<String, Long> schools,
                               RosterSummary summary, Runnable step) {
        Map<String, List<Object>> before = new HashMap<>();
        jdbc.sql("select student_number, school_id, full_name, grade_level, birth_date, tutoring_group, "
                        + "sessions_per_week, teacher_username from student where district_id = ?")
                .param(scope.districtId())
                .query((rs, n) -> before.put(rs.getString(1), row(rs.getLong(2), rs.getString(3), rs.getInt(4),
                        rs.getObject(5, java.time.LocalDate.class), rs.getString(6), rs.getInt(7), rs.getString(8))))
                .list();
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        for (StudentRow row : rows) {
            long schoolId = schools.get(row.schoolCode());
            List<Object> was = before.get(row.number());
            String teacher = row.teacher() != null || was == null ? row.teacher() : (String) was.get(6);
            List<Object> now = row(schoolId, row.name(), row.grade(), row.birthDate(), row.tutoringGroup(),
                    row.sessionsPerWeek(), teacher);
            Object birth = row.birthDate() == null ? null : Date.valueOf(row.birthDate());
            if (was == null) {
                inserts.add(new Object[] {scope.districtId(), row.number(), schoolId, row.name(), row.grade(), birth,
                        row.tutoringGroup(), row.sessionsPerWeek(), teacher});
                summary.count("student", Change.ADDED);
            } else if (!was.equals(now)) {
                updates.add(new Object[] {schoolId, row.name(), row.grade(), birth, row.tutoringGroup(),
                        row.sessionsPerWeek(), teacher, scope.districtId(), row.number()});
                summary.count("student", Change.UPDATED);
            } else {
                summary.count("student", Change.UNCHANGED);
            }
            step.run();
        }
        batch.batchUpdate("insert into student (district_id, student_number, school_id, full_name, grade_level, "
                + "birth_date, tutoring_group, sessions_per_week, teacher_username) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                inserts, BATCH, RosterImporter::set);
        batch.batchUpdate("update student set school_id = ?, full_name = ?, grade_level = ?, birth_date = ?, "
                + "tutoring_group = ?, sessions_per_week = ?, teacher_username = ? where district_id = ? "
                + "and student_number = ?", updates, BATCH, RosterImporter::set);
    }

    private void writeCaregivers(List<CaregiverRow> rows, RosterScope scope, RosterSummary summary, Runnable step) {
        long district = scope.districtId();
        Map<String, List<Object>> people = new HashMap<>();
        jdbc.sql("select caregiver_number, full_name, email, phone, preferred_language, preferred_channel "
                        + "from caregiver where district_id = ?")
                .param(district)
                .query((rs, n) -> people.put(rs.getString(1), row(rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6))))
                .list();
        Map<String, List<Object>> links = new HashMap<>();
        jdbc.sql("select s.student_number, c.caregiver_number, l.relationship, l.contact_allowed, l.no_contact_reason, "
                        + "l.student_consent from student_caregiver l join student s on s.id = l.student_id "
                        + "join caregiver c on c.id = l.caregiver_id where s.district_id = ?")
                .param(district)
                .query((rs, n) -> links.put(rs.getString(1) + "\u0001" + rs.getString(2), row(rs.getString(3),
                        rs.getBoolean(4), rs.getString(5), (Boolean) rs.getObject(6))))
                .list();
        Set<String> written = new HashSet<>();
        List<Object[]> newPeople = new ArrayList<>();
        List<Object[]> changedPeople = new ArrayList<>();
        Set<String> newOrChanged = new HashSet<>();
        for (CaregiverRow row : rows) {
            List<Object> now = row(row.name(), row.email(), row.phone(), row.language(), row.channel().name());
            List<Object> was = people.get(row.number());
            if (!written.add(row.number())) {
                continue;
            }
            if (was == null) {
                newPeople.add(new Object[] {district, row.number(), row.name(), row.email(), row.phone(), row.language(),
                        row.channel().name()});
                newOrChanged.add(row.number());
            } else if (!was.equals(now)) {
                changedPeople.add(new Object[] {row.name(), row.email(), row.phone(), row.language(), row.channel().name(),
                        district, row.number()});
                newOrChanged.add(row.number());
            }
        }
        batch.batchUpdate("insert into caregiver (district_id, caregiver_number, full_name, email, phone, "
                + "preferred_language, preferred_channel) values (?, ?, ?, ?, ?, ?, ?)", newPeople, BATCH, RosterImporter::set);
        batch.batchUpdate("update caregiver set full_name = ?, email = ?, phone = ?, preferred_language = ?, "
                + "preferred_channel = ? where district_id = ? and caregiver_number = ?", changedPeople, BATCH,
                RosterImporter::set);

        Map<String, Long> studentIds = ids("select student_number, id from student where district_id = ?", district);
        Map<String, Long> caregiverIds = ids("select caregiver_number, id from caregiver where district_id = ?", district);
        List<Object[]> newLinks = new ArrayList<>();
        List<Object[]> changedLinks = new ArrayList<>();
        for (CaregiverRow row : rows) {
            List<Object> now = row(row.relationship(), row.contactAllowed(), row.noContactReason(), row.studentConsent());
            List<Object> was = links.get(row.studentNumber() + "\u0001" + row.number());
            long studentId = studentIds.get(row.studentNumber());
            long caregiverId = caregiverIds.get(row.number());
            if (was == null) {
                newLinks.add(new Object[] {studentId, caregiverId, row.relationship(), row.contactAllowed(),
                        row.noContactReason(), row.studentConsent()});
                summary.count("caregiver", Change.ADDED);
            } else if (!was.equals(now) || newOrChanged.contains(row.number())) {
                if (!was.equals(now)) {
                    changedLinks.add(new Object[] {row.relationship(), row.contactAllowed(), row.noContactReason(),
                            row.studentConsent(), studentId, caregiverId});
                }
                summary.count("caregiver", Change.UPDATED);
            } else {
                summary.count("caregiver", Change.UNCHANGED);
            }
            step.run();
        }
        batch.batchUpdate("insert into student_caregiver (student_id, caregiver_id, relationship, contact_allowed, "
                + "no_contact_reason, student_consent) values (?, ?, ?, ?, ?, ?)", newLinks, BATCH, RosterImporter::set);
        batch.batchUpdate("update student_caregiver set relationship = ?, contact_allowed = ?, no_contact_reason = ?, "
                + "student_consent = ? where student_id = ? and caregiver_id = ?", changedLinks, BATCH, RosterImporter::set);
    }

    private static void set(java.sql.PreparedStatement statement, Object[] values) throws java.sql.SQLException {
        for (int i = 0; i < values.length; i++) {
            statement.setObject(i + 1, values[i]);
        }
    }

    private static List<Object> row(Object... values) {
        return java.util.Arrays.asList(values);
    }

    private Map<String, Long> ids(String sql, long districtId) {
        Map<String, Long> ids = new HashMap<>();
        jdbc.sql(sql).param(districtId).query((rs, n) -> ids.put(rs.getString(1), rs.getLong(2))).list();
        return ids;
    }

    private Map<String, Long> schoolsOf(long districtId) {
        return ids("select code, id from school where district_id = ?", districtId);
    }

    private Map<String, String> schoolNames(long districtId) {
        Map<String, String> names = new HashMap<>();
        jdbc.sql("select code, name from school where district_id = ?").param(districtId)
                .query(rs -> {
                    names.put(rs.getString(1), rs.getString(2));
                });
        return names;
    }

    private Set<String> schoolsOutside(long districtId) {
        return new HashSet<>(jdbc.sql("select code from school where district_id <> ?").param(districtId)
                .query(String.class).list());
    }

    private Map<String, Long> studentSchools(long districtId) {
        return ids("select student_number, school_id from student where district_id = ?", districtId);
    }
}
