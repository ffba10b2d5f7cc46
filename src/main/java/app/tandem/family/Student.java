package app.tandem.family;

import java.time.LocalDate;

/**
 * A student in the tutoring program, as the roster gives them.
 *
 * @param gradeLevel 0 for kindergarten, then 1 to 12
 * @param birthDate  when known: a student of 18 or older decides who hears about them
 */
public record Student(long id, long districtId, String studentNumber, long schoolId, String fullName, int gradeLevel,
                      LocalDate birthDate, String tutoringGroup, int sessionsPerWeek) {

    public static final int AGE_OF_CONSENT = 18;

    public boolean isAdultOn(LocalDate day) {
        return birthDate != null && !birthDate.plusYears(AGE_OF_CONSENT).isAfter(day);
    }
}
