package app.tandem.dashboard;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import app.tandem.directory.ProgramYear;

/**
 * Which terms the dashboard lists: the current ones (the default: a term under way today in the district's time zone,
 * or one whose program is still open, from its alignment meeting before the first day to its close-out after the
 * last), the terms starting in one program year, or every term ever run; and of those, optionally the terms of one
 * name ("Fall").
 *
 * @param when {@link #CURRENT}, {@link #ALL} or a program year's name such as 2026-27
 * @param year the program year when {@code when} names one
 * @param name a term name, or "" for every name
 */
public record TermChoice(String when, ProgramYear year, String name) {

    public static final String CURRENT = "current";
    public static final String ALL = "all";
    /** Every term: what the indicator pages and a single term's row count. */
    public static final TermChoice EVERY_TERM = new TermChoice(ALL, null, "");

    public TermChoice {
        name = name == null ? "" : name.strip();
    }

    public static TermChoice current(String name) {
        return new TermChoice(CURRENT, null, name);
    }

    public static TermChoice every(String name) {
        return new TermChoice(ALL, null, name);
    }

    public static TermChoice of(ProgramYear year, String name) {
        return new TermChoice(year.name(), year, name);
    }

    /** The same terms, of any name: what the term-name list offers. */
    public TermChoice anyName() {
        return new TermChoice(when, year, "");
    }

    /** A SQL condition on {@code school_term t}, starting with "and", with the parameters of {@link #parameters}. */
    String where() {
        StringBuilder sql = new StringBuilder();
        if (CURRENT.equals(when)) {
            sql.append(" and ((t.starts_on <= :today and t.ends_on >= :today) or exists (select 1 from program_standing"
                    + " open_program where open_program.term_id = t.id and open_program.phase <> 'CLOSED'))");
        } else if (year != null) {
            sql.append(" and t.starts_on >= :yearStartsOn and t.starts_on <= :yearEndsOn");
        }
        if (!name.isEmpty()) {
            sql.append(" and t.name = :termName");
        }
        return sql.toString();
    }

    Map<String, Object> parameters(LocalDate today) {
        Map<String, Object> parameters = new HashMap<>();
        if (CURRENT.equals(when)) {
            parameters.put("today", today);
        } else if (year != null) {
            parameters.put("yearStartsOn", year.startsOn());
            parameters.put("yearEndsOn", year.endsOn());
        }
        if (!name.isEmpty()) {
            parameters.put("termName", name);
        }
        return parameters;
    }
}
