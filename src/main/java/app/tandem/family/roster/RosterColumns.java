package app.tandem.family.roster;

import java.util.List;
import java.util.stream.Stream;

/**
 * The one roster format: a CSV file with this header, one row per school, staff member, student or
 * caregiver (the {@code record} column says which). Each kind of row fills the columns it needs and
 * leaves the others empty. A caregiver of two students has one row per student. A school row may also
 * plan a term for its school; files made before the term columns existed leave them out and still import. A
 * student row may name the student's own teacher (a username), who reviews the student's progress updates; files
 * without the column still import.
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
    static final String TERM = "term";
    static final String TERM_STARTS_ON = "term_starts_on";
    static final String TERM_ENDS_ON = "term_ends_on";
    static final String CHECK_IN_CADENCE = "check_in_cadence";
    static final String TEACHER = "teacher";

    /** The columns every file has. */
    static final List<String> REQUIRED = List.of(RECORD, SCHOOL, ID, NAME, EMAIL, PHONE, LANGUAGE, ROLES, GRADE,
            BIRTH_DATE, TUTORING_GROUP, SESSIONS_PER_WEEK, STUDENT, RELATIONSHIP, CHANNEL, CONTACT_ALLOWED,
            NO_CONTACT_REASON, STUDENT_CONSENT);

    /** The columns of a school row's term, which a file may leave out. */
    static final List<String> TERM_COLUMNS = List.of(TERM, TERM_STARTS_ON, TERM_ENDS_ON, CHECK_IN_CADENCE);

    public static final List<String> ALL = Stream.concat(Stream.concat(REQUIRED.stream(), TERM_COLUMNS.stream()),
            Stream.of(TEACHER)).toList();

    static final List<String> RECORDS = List.of("school", "staff", "student", "caregiver");

    private RosterColumns() {
    }
}
