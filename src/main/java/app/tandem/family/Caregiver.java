package app.tandem.family;

/** A parent, guardian or other caregiver, with how and in which language they want to hear from the program. */
public record Caregiver(long id, long districtId, String caregiverNumber, String fullName, String email, String phone,
                        String preferredLanguage, Channel preferredChannel) {
}
