package app.tandem.bench;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
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

    /**
     * The district's roster: students spread evenly over its schools, each with a caregiver who may
     * hear about them and every fourth with a second one; languages and channels mixed as in a city
     * district. Written in batches, the way the roster import's result looks.
     *
     * @return how many students were written
     */
    static int addFamilies(JdbcTemplate jdbc, long districtId, int students) {
        List<Long> schoolIds = jdbc.queryForList("select id from school where district_id = ? order by id", Long.class,
                districtId);
        String[] languages = {"en", "en", "en", "es", "es", "zh", "vi"};
        String[] channels = {"EMAIL", "EMAIL", "EMAIL", "PHONE_CALL", "PAPER_NOTE"};
        List<Object[]> studentRows = new ArrayList<>();
        List<Object[]> caregiverRows = new ArrayList<>();
        for (int i = 0; i < students; i++) {
            studentRows.add(new Object[] {districtId, "S" + i, schoolIds.get(i % schoolIds.size()), "Student " + i,
                    3 + i % 6, i % 10 == 0 ? 5 : 2});
            caregiverRows.add(new Object[] {districtId, "C" + i, "Caregiver " + i, "c" + i + "@family.example",
                    languages[i % languages.length], channels[i % channels.length]});
            if (i % 4 == 0) {
                caregiverRows.add(new Object[] {districtId, "C" + i + "b", "Second caregiver " + i,
                        "c" + i + "b@family.example", languages[(i + 3) % languages.length], "EMAIL"});
            }
        }
        for (List<Object[]> chunk : chunks(studentRows)) {
            jdbc.batchUpdate("insert into student (district_id, student_number, school_id, full_name, grade_level, "
                    + "sessions_per_week) values (?, ?, ?, ?, ?, ?)", chunk);
        }
        for (List<Object[]> chunk : chunks(caregiverRows)) {
            jdbc.batchUpdate("insert into caregiver (district_id, caregiver_number, full_name, email, "
                    + "preferred_language, preferred_channel) values (?, ?, ?, ?, ?, ?)", chunk);
        }
        Map<String, Long> caregiverIds = new HashMap<>();
        jdbc.query("select caregiver_number, id from caregiver where district_id = ?",
                rs -> {
                    caregiverIds.put(rs.getString(1), rs.getLong(2));
                }, districtId);
        List<Object[]> links = new ArrayList<>();
        jdbc.query("select student_number, id from student where district_id = ?", rs -> {
            String number = rs.getString(1).substring(1);
            links.add(new Object[] {rs.getLong(2), caregiverIds.get("C" + number)});
            Long second = caregiverIds.get("C" + number + "b");
            if (second != null) {
                links.add(new Object[] {rs.getLong(2), second});
            }
        }, districtId);
        for (List<Object[]> chunk : chunks(links)) {
            jdbc.batchUpdate("insert into student_caregiver (student_id, caregiver_id, relationship, contact_allowed) "
                    + "values (?, ?, 'parent', true)", chunk);
        }
        return students;
    }

    private static List<List<Object[]>> chunks(List<Object[]> rows) {
        List<List<Object[]>> chunks = new ArrayList<>();
        for (int from = 0; from < rows.size(); from += 5_000) {
            chunks.add(rows.subList(from, Math.min(rows.size(), from + 5_000)));
        }
        return chunks;
    }
}
