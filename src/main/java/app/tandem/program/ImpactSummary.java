package app.tandem.program;

import java.sql.ResultSet;
import java.sql.SQLException;

/** The coordinators' account of a term, prepared for the close-out meeting (indicator 4d.3). */
public record ImpactSummary(Integer studentsServed, String progressSummary, String whatWorked, String whatToChange) {
    /** One row of impact_summary's text columns. */
    public static ImpactSummary row(ResultSet rs, int rowNum) throws SQLException {
        return new ImpactSummary(rs.getObject("students_served", Integer.class), rs.getString("progress_summary"),
                rs.getString("what_worked"), rs.getString("what_to_change"));
    }
}
