package app.tandem.family.roster;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Builds roster files for tests, with codes and ids no other test uses. A file without a term has the columns files
 * had before terms could be planned in them, so every such test also shows those files still import.
 */
final class RosterFiles {

    private static final AtomicInteger FILES = new AtomicInteger();
    static final String HEADER = String.join(",", RosterColumns.REQUIRED);
    static final String HEADER_WITH_TERMS = String.join(",", java.util.stream.Stream.concat(
            RosterColumns.REQUIRED.stream(), RosterColumns.TERM_COLUMNS.stream()).toList());
    static final String HEADER_WITH_TEACHERS = HEADER + "," + RosterColumns.TEACHER;

    final String tag = "r" + FILES.incrementAndGet() + "x" + Long.toString(System.nanoTime() % 100_000, 36);
    private final List<String> rows = new ArrayList<>();
    private final List<String> terms = new ArrayList<>();
    private final java.util.Map<Integer, String> teachers = new java.util.HashMap<>();

    RosterFiles school(String code, String name) {
        return row(schoolLine(code(code), name));
    }

    RosterFiles staff(String username, String schools, String name, String email, String language, String roles) {
        return row("staff," + schools + "," + username + "," + name + "," + email + ",," + language + "," + roles
                + ",,,,,,,,,,");
    }

    RosterFiles student(String number, String school, String name, String grade, String birthDate, int sessions) {
        return row("student," + school + "," + id(number) + "," + name + ",,,,," + grade + "," + birthDate
                + ",Room 12," + sessions + ",,,,,,");
    }

    RosterFiles caregiver(String number, String student, String name, String email, String phone, String language,
                          String channel, String allowed, String reason) {
        return row("caregiver,," + id(number) + "," + name + "," + email + "," + phone + "," + language + ",,,,,,"
                + id(student) + ",mother," + channel + "," + allowed + "," + reason + ",");
    }

    /** A student row naming the student's teacher: the file gets the optional teacher column. */
    RosterFiles student(String number, String school, String name, String grade, int sessions, String teacher) {
        student(number, school, name, grade, "", sessions);
        teachers.put(rows.size() - 1, teacher);
        return this;
    }

    /** A row of any kind with the four term cells after the others: term, first day, last day, cadence. */
    RosterFiles withTerm(String line, String term, String startsOn, String endsOn, String cadence) {
        rows.add(line);
        terms.add(String.join(",", term, startsOn, endsOn, cadence));
        return this;
    }

    RosterFiles row(String line) {
        rows.add(line);
        terms.add(null);
        return this;
    }

    /** The line of a school row, for {@link #withTerm}. */
    String schoolLine(String code, String name) {
        return "school," + code + ",," + name + ",,,,,,,,,,,,,,";
    }

    String code(String code) {
        return code + "-" + tag;
    }

    String id(String number) {
        return number + "-" + tag;
    }

    String csv() {
        if (!teachers.isEmpty()) {
            StringBuilder csv = new StringBuilder(HEADER_WITH_TEACHERS).append('\n');
            for (int i = 0; i < rows.size(); i++) {
                csv.append(rows.get(i)).append(',').append(teachers.getOrDefault(i, "")).append('\n');
            }
            return csv.toString();
        }
        if (terms.stream().allMatch(java.util.Objects::isNull)) {
            return HEADER + "\n" + String.join("\n", rows) + "\n";
        }
        StringBuilder csv = new StringBuilder(HEADER_WITH_TERMS).append('\n');
        for (int i = 0; i < rows.size(); i++) {
            csv.append(rows.get(i)).append(',').append(terms.get(i) == null ? ",,," : terms.get(i)).append('\n');
        }
        return csv.toString();
    }
}
