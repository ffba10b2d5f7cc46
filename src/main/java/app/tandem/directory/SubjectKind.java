package app.tandem.directory;

/** What an administrative change in the audit log is about. */
public enum SubjectKind {
    /** A person's account: keyed by username. */
    STAFF,
    /** A school: keyed by its code. */
    SCHOOL,
    /** A school's term: keyed by school and term code, such as maple/fall-2027. */
    TERM,
    /** The program of a school's term: keyed as its process instance is, school and term code. */
    PROGRAM,
    /** A district and its settings: keyed by its code. */
    DISTRICT,
    /** A caregiver's consent to email: keyed by the district's caregiver number, never a name or an address. */
    CAREGIVER;

    public String messageKey() {
        return "changeLog.kind." + name();
    }
}
