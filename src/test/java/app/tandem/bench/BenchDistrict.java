package app.tandem.bench;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/** Writes a district of the benchmark's size straight into Tandem's tables, in batches. */
final class BenchDistrict {

    record Ids(long districtId, List<Long> termIds) {
    }

    private BenchDistrict() {
    }

    static Ids create(JdbcTemplate jdbc, String code, int schools, LocalDate termStart) {
        jdbc.update("insert into district (code, name, time_zone) values (?, ?, 'America/Chicago')", code,
                "Benchmark district " + code);
        long districtId = jdbc.queryForObject("select id from district where code = ?", Long.class, code);
        List<Object[]> schoolRows = new ArrayList<>();
        for (int i = 0; i < schools; i++) {
            schoolRows.add(new Object[] {districtId, code + "-s" + i, "School " + i + " of " + code});
        }
        jdbc.batchUpdate("insert into school (district_id, code, name) values (?, ?, ?)", schoolRows);
        List<Long> schoolIds = jdbc.queryForList("select id from school where district_id = ? order by id", Long.class,
                districtId);
        List<Object[]> termRows = new ArrayList<>();
        for (Long schoolId : schoolIds) {
            termRows.add(new Object[] {schoolId, "t1", "Term 1", Date.valueOf(termStart),
                    Date.valueOf(termStart.plusDays(111)), "P14D"});
        }
        jdbc.batchUpdate("insert into school_term (school_id, code, name, starts_on, ends_on, check_in_cadence) "
                + "values (?, ?, ?, ?, ?, ?)", termRows);
        List<Long> termIds = jdbc.queryForList("select t.id from school_term t join school s on s.id = t.school_id "
                + "where s.district_id = ? order by t.id", Long.class, districtId);
        return new Ids(districtId, termIds);
    }
}
