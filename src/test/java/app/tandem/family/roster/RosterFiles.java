package app.tandem.family.roster;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Builds roster files for tests, with codes and ids no other test uses. */
final class RosterFiles {

    private static final AtomicInteger FILES = new AtomicInteger();
    static final String HEADER = String.join(",", RosterColumns.ALL);

    final String tag = "r" + FILES.incrementAndGet() + "x" + Long.toString(System.nanoTime() % 100_000, 36);
    private final List<String> rows = new ArrayList<>();

    RosterFiles school(String code, String name) {
        return row("school," + code(code) + ",," + name + ",,,,,,,,,,,,,,");
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

    RosterFiles row(String line) {
        rows.add(line);
        return this;
    }

    String code(String code) {
        return code + "-" + tag;
    }

    String id(String number) {
        return number + "-" + tag;
    }

    String csv() {
        return HEADER + "\n" + String.join("\n", rows) + "\n";
    }
}
