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
