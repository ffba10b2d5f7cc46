package app.tandem.family.roster;

import java.time.LocalDate;
import java.util.Set;

import app.tandem.family.Channel;

/** The rows of a roster file once checked, by kind. */
final class RosterRows {

    record SchoolRow(int row, String code, String name) {
    }

    /**
     * The term a school row plans; {@code planned} when the school has it already, with these dates.
     *
     * @param checkInCadence null for the district's default
     */
    record TermPlanRow(int row, String schoolCode, String code, String name, LocalDate startsOn, LocalDate endsOn,
                       String checkInCadence, boolean planned) {
    }

    record StaffRow(int row, String username, String name, String email, String language, Set<String> roles,
                    Set<String> schoolCodes) {
    }

    /** @param teacher the student's own teacher's username, or null when the row names none */
    record StudentRow(int row, String number, String schoolCode, String name, int grade, LocalDate birthDate,
                      String tutoringGroup, int sessionsPerWeek, String teacher) {
    }

    record CaregiverRow(int row, String number, String studentNumber, String name, String email, String phone,
                        String language, Channel channel, String relationship, boolean contactAllowed,
                        String noContactReason, Boolean studentConsent) {

        /** What must be the same on every row of one caregiver. */
        String person() {
            return String.join("\u0001", name, String.valueOf(email), String.valueOf(phone), language, channel.name());
        }
    }

    private RosterRows() {
    }
}
