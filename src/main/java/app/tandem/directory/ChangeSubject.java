package app.tandem.directory;

/**
 * What one line of the audit log is about: its kind, the key people know it by, and the district whose managers
 * read it (null for an account on no district's staff, which only operators read).
 */
public record ChangeSubject(SubjectKind kind, String key, Long districtId) {

    public static ChangeSubject staff(String username, Long districtId) {
        return new ChangeSubject(SubjectKind.STAFF, username, districtId);
    }

    public static ChangeSubject school(School school) {
        return new ChangeSubject(SubjectKind.SCHOOL, school.code(), school.districtId());
    }

    public static ChangeSubject term(School school, Term term) {
        return new ChangeSubject(SubjectKind.TERM, school.code() + "/" + term.code(), school.districtId());
    }

    /** @param businessKey the program's process business key */
    public static ChangeSubject program(School school, String businessKey) {
        return new ChangeSubject(SubjectKind.PROGRAM, businessKey, school.districtId());
    }

    /** @param caregiverNumber the district's own number for the caregiver, as the roster has it */
    public static ChangeSubject caregiver(String caregiverNumber, long districtId) {
        return new ChangeSubject(SubjectKind.CAREGIVER, caregiverNumber, districtId);
    }

    public static ChangeSubject district(District district) {
        return new ChangeSubject(SubjectKind.DISTRICT, district.code(), district.id());
    }
}
