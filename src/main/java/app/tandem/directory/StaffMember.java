package app.tandem.directory;

import java.sql.ResultSet;
import java.sql.SQLException;

public record StaffMember(String username, long districtId, String fullName, String email,
                          String preferredLanguage) {
    /** One row of {@code select username, district_id, full_name, email, preferred_language}. */
    public static StaffMember row(ResultSet rs, int rowNum) throws SQLException {
        return new StaffMember(rs.getString("username"), rs.getLong("district_id"), rs.getString("full_name"),
                rs.getString("email"), rs.getString("preferred_language"));
    }
}
