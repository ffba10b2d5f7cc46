package app.tandem.family.roster;

import java.util.List;

/**
 * The one roster format: a CSV file with this header, one row per school, staff member, student or
 * caregiver (the {@code record} column says which). Each kind of row fills the columns it needs and
 * leaves the others empty. A caregiver of two students has one row per student.
 */
public final class RosterColumns {

    static final String RECORD = "record";
    static final String SCHOOL = "school";
    static final String ID = "id";
    static final String NAME = "name";
    static final String EMAIL = "email";
    static final String PHONE = "phone";
    static final String LANGUAGE = "language";
    static final String ROLES = "roles";
    static final String GRADE = "grade";
    static final String BIRTH_DATE = "birth_date";
    static final String TUTORING_GROUP = "tutoring_group";
    static final String SESSIONS_PER_WEEK = "sessions_per_week";
    static final String STUDENT = "student";
    static final String RELATIONSHIP = "relationship";
    static final String CHANNEL = "channel";
    static final String CONTACT_ALLOWED = "contact_allowed";
    static final String NO_CONTACT_REASON = "no_contact_reason";
    static final String STUDENT_CONSENT = "student_consent";

    public static final List<String> ALL = List.of(RECORD, SCHOOL, ID, NAME, EMAIL, PHONE, LANGUAGE, ROLES, GRADE,
            BIRTH_DATE, TUTORING_GROUP, SESSIONS_PER_WEEK, STUDENT, RELATIONSHIP, CHANNEL, CONTACT_ALLOWED,
            NO_CONTACT_REASON, STUDENT_CONSENT);

    static final List<String> RECORDS = List.of("school", "staff", "student", "caregiver");

    private RosterColumns() {
    }
}
