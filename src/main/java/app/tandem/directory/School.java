package app.tandem.directory;

import java.sql.ResultSet;
import java.sql.SQLException;

public record School(long id, long districtId, String code, String name) {
    /** One row of {@code select id, district_id, code, name}, read by column name. */
    public static School row(ResultSet rs, int rowNum) throws SQLException {
        return new School(rs.getLong("id"), rs.getLong("district_id"), rs.getString("code"), rs.getString("name"));
    }
}
