package app.tandem.family;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Students, caregivers and who is whose caregiver. */
@Repository
public class Families {

    private static final String STUDENT = "s.id as s_id, s.district_id as s_district_id, s.student_number, "
            + "s.school_id, s.full_name as s_full_name, s.grade_level, s.birth_date, s.tutoring_group, "
            + "s.sessions_per_week";
    private static final String CAREGIVER = "c.id as c_id, c.district_id as c_district_id, c.caregiver_number, "
            + "c.full_name as c_full_name, c.email, c.phone, c.preferred_language, c.preferred_channel";
    private static final String LINK = "select " + STUDENT + ", " + CAREGIVER + ", l.relationship, "
            + "l.contact_allowed, l.no_contact_reason, l.student_consent from student_caregiver l "
            + "join student s on s.id = l.student_id join caregiver c on c.id = l.caregiver_id ";

    private final JdbcClient jdbc;

    public Families(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Student> student(long id) {
        return jdbc.sql("select " + STUDENT + " from student s where s.id = ?").param(id).query(Families::student)
                .optional();
    }

    public Optional<Student> studentByNumber(long districtId, String studentNumber) {
        return jdbc.sql("select " + STUDENT + " from student s where s.district_id = ? and s.student_number = ?")
                .params(districtId, studentNumber)
                .query(Families::student)
                .optional();
    }

    public List<Student> studentsOfSchool(long schoolId) {
        return jdbc.sql("select " + STUDENT + " from student s where s.school_id = ? order by s.id")
                .param(schoolId)
                .query(Families::student)
                .list();
    }

    /** The student's own teacher, while they are an active teacher at the student's school. */
    public Optional<String> teacherOf(long studentId) {
        return jdbc.sql("select s.teacher_username from student s join staff_member m on m.username = s.teacher_username "
                        + "join staff_school ss on ss.username = m.username and ss.school_id = s.school_id "
                        + "where s.id = ? and m.active")
                .param(studentId)
                .query(String.class)
                .optional();
    }

    /** The usernames of the teachers of these students, by student id; a student with none is left out. */
    public java.util.Map<Long, String> teachersOf(java.util.Collection<Long> studentIds) {
        java.util.Map<Long, String> teachers = new java.util.HashMap<>();
        if (studentIds.isEmpty()) {
            return teachers;
        }
        jdbc.sql("select id, teacher_username from student where id in (:ids) and teacher_username is not null")
                .param("ids", studentIds)
                .query(rs -> {
                    teachers.put(rs.getLong(1), rs.getString(2));
                });
        return teachers;
    }

    public void changeTeacher(long studentId, String teacherUsername) {
        jdbc.sql("update student set teacher_username = ? where id = ?").params(teacherUsername, studentId).update();
    }

    public Optional<Caregiver> caregiver(long id) {
        return jdbc.sql("select " + CAREGIVER + " from caregiver c where c.id = ?").param(id)
                .query(Families::caregiver)
                .optional();
    }

    public Optional<Caregiver> caregiverByNumber(long districtId, String caregiverNumber) {
        return jdbc.sql("select " + CAREGIVER + " from caregiver c where c.district_id = ? and c.caregiver_number = ?")
                .params(districtId, caregiverNumber)
                .query(Families::caregiver)
                .optional();
    }

    /** Everyone on record as a caregiver of the student, contact allowed or not. */
    public List<CaregiverLink> caregiversOf(long studentId) {
        return jdbc.sql(LINK + "where l.student_id = ? order by c.id").param(studentId).query(Families::link).list();
    }

    /** The caregiver's children at one school. */
    public List<CaregiverLink> childrenAtSchool(long caregiverId, long schoolId) {
        return jdbc.sql(LINK + "where l.caregiver_id = ? and s.school_id = ? order by s.id")
                .params(caregiverId, schoolId)
                .query(Families::link)
                .list();
    }

    /** Every caregiver of a student at the school, once each. */
    public List<Long> caregiverIdsAtSchool(long schoolId) {
        return jdbc.sql("select distinct l.caregiver_id from student_caregiver l join student s on s.id = l.student_id "
                        + "where s.school_id = ? order by l.caregiver_id")
                .param(schoolId)
                .query(Long.class)
                .list();
    }

    /** The children a caregiver may hear about on that day: contact allowed and, for adults, their consent. */
    public List<CaregiverLink> childrenToTellAbout(long caregiverId, long schoolId, LocalDate day) {
        return childrenAtSchool(caregiverId, schoolId).stream().filter(l -> l.withheldOn(day).isEmpty()).toList();
    }

    /** Caregivers on record with this address (in lower case), first on record first. */
    public List<Caregiver> caregiversByEmail(String address) {
        return jdbc.sql("select " + CAREGIVER + " from caregiver c where lower(c.email) = ? order by c.id")
                .param(address)
                .query(Families::caregiver)
                .list();
    }

    /** The schools the caregiver's children go to. */
    public List<Long> schoolsOfChildren(long caregiverId) {
        return jdbc.sql("select distinct s.school_id from student_caregiver l join student s on s.id = l.student_id "
                        + "where l.caregiver_id = ? order by s.school_id")
                .param(caregiverId)
                .query(Long.class)
                .list();
    }

    /** The address unsubscribed: email becomes a call when there is a phone number, else a note home. */
    void recordOptOut(long caregiverId, java.time.Instant at, String source, Channel channel) {
        jdbc.sql("update caregiver set email_opted_out_at = ?, email_opt_out_source = ?, preferred_channel = ?, "
                        + "consent_recorded_at = null, consent_recorded_by = null where id = ?")
                .params(java.sql.Timestamp.from(at), source, channel.name(), caregiverId)
                .update();
    }

    /** A liaison recorded the caregiver's new consent to email. */
    void recordConsent(long caregiverId, java.time.Instant at, String by) {
        jdbc.sql("update caregiver set email_opted_out_at = null, email_opt_out_source = null, preferred_channel = ?, "
                        + "consent_recorded_at = ?, consent_recorded_by = ? where id = ?")
                .params(Channel.EMAIL.name(), java.sql.Timestamp.from(at), by, caregiverId)
                .update();
    }

    void changeChannel(long caregiverId, Channel channel) {
        jdbc.sql("update caregiver set preferred_channel = ? where id = ?").params(channel.name(), caregiverId).update();
    }

    /** Caregivers of children at these schools whose address unsubscribed, most recent first. */
    public List<OptedOutCaregiver> optedOutAt(java.util.Collection<Long> schoolIds) {
        if (schoolIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + CAREGIVER + ", c.email_opted_out_at, c.email_opt_out_source from caregiver c "
                        + "where c.email_opted_out_at is not null and exists (select 1 from student_caregiver l "
                        + "join student s on s.id = l.student_id where l.caregiver_id = c.id and s.school_id in (:schools)) "
                        + "order by c.email_opted_out_at desc, c.id")
                .param("schools", schoolIds)
                .query((rs, n) -> new OptedOutCaregiver(caregiver(rs, n), rs.getTimestamp("email_opted_out_at").toInstant(),
                        rs.getString("email_opt_out_source")))
                .list();
    }

    /** The student's caregivers whose address unsubscribed. */
    public List<OptedOutCaregiver> optedOutOf(long studentId) {
        return jdbc.sql("select " + CAREGIVER + ", c.email_opted_out_at, c.email_opt_out_source from caregiver c "
                        + "join student_caregiver l on l.caregiver_id = c.id "
                        + "where l.student_id = ? and c.email_opted_out_at is not null order by c.id")
                .param(studentId)
                .query((rs, n) -> new OptedOutCaregiver(caregiver(rs, n), rs.getTimestamp("email_opted_out_at").toInstant(),
                        rs.getString("email_opt_out_source")))
                .list();
    }

    public void changeContact(long caregiverId, String email, String phone, Channel channel) {
        jdbc.sql("update caregiver set email = ?, phone = ?, preferred_channel = ? where id = ?")
                .params(email, phone, channel.name(), caregiverId)
                .update();
    }

    public void changeEmail(long caregiverId, String email) {
        jdbc.sql("update caregiver set email = ? where id = ?").params(email, caregiverId).update();
    }

    static Student student(ResultSet rs, int row) throws SQLException {
        return new Student(rs.getLong("s_id"), rs.getLong("s_district_id"), rs.getString("student_number"),
                rs.getLong("school_id"), rs.getString("s_full_name"), rs.getInt("grade_level"),
                rs.getObject("birth_date", LocalDate.class), rs.getString("tutoring_group"),
                rs.getInt("sessions_per_week"));
    }

    static Caregiver caregiver(ResultSet rs, int row) throws SQLException {
        return new Caregiver(rs.getLong("c_id"), rs.getLong("c_district_id"), rs.getString("caregiver_number"),
                rs.getString("c_full_name"), rs.getString("email"), rs.getString("phone"),
                rs.getString("preferred_language"), Channel.valueOf(rs.getString("preferred_channel")));
    }

    private static CaregiverLink link(ResultSet rs, int row) throws SQLException {
        Object consent = rs.getObject("student_consent");
        return new CaregiverLink(student(rs, row), caregiver(rs, row), rs.getString("relationship"),
                rs.getBoolean("contact_allowed"), rs.getString("no_contact_reason"),
                consent == null ? null : rs.getBoolean("student_consent"));
    }
}
