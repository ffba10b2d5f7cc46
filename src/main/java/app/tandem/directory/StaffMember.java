package app.tandem.directory;

public record StaffMember(String username, long districtId, String fullName, String email,
                          String preferredLanguage) {
}
