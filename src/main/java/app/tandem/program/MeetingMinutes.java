package app.tandem.program;

import java.sql.ResultSet;
import java.sql.SQLException;

/** What was said at a meeting; kept in Tandem's tables only. */
public record MeetingMinutes(String alignmentPoints, String notes, String concerns, String agreedActions) {
    /** One row of meeting_minutes's text columns. */
    public static MeetingMinutes row(ResultSet rs, int rowNum) throws SQLException {
        return new MeetingMinutes(rs.getString("alignment_points"), rs.getString("notes"), rs.getString("concerns"),
                rs.getString("agreed_actions"));
    }
}
