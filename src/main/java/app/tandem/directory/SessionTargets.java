package app.tandem.directory;

import java.time.LocalDate;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.tandem.system.Messages;

/**
 * How many tutoring sessions a week a term's students should attend: set per term, three unless a manager says
 * otherwise (the playbook's high-impact standard is at least three a week).
 */
@Repository
public class SessionTargets {

    public static final int DEFAULT = 3;
    public static final int MAX = 10;

    /** The term a school's students are in on a day, with its weekly target. */
    public record TermTarget(long termId, int sessionsPerWeek) {
    }

    private final JdbcClient jdbc;
    private final Messages messages;

    SessionTargets(JdbcClient jdbc, Messages messages) {
        this.jdbc = jdbc;
        this.messages = messages;
    }

    public int of(long termId) {
        return jdbc.sql("select sessions_target from school_term where id = ?").param(termId).query(Integer.class)
                .optional().orElse(DEFAULT);
    }

    /** The school's term running on that day, or else the one that ended last before it. */
    public Optional<TermTarget> atSchoolOn(long schoolId, LocalDate day) {
        return jdbc.sql("select id, sessions_target from school_term where school_id = ? and cancelled_on is null "
                        + "and starts_on <= ? order by starts_on desc")
                .params(schoolId, day)
                .query((rs, n) -> new TermTarget(rs.getLong(1), rs.getInt(2)))
                .list().stream().findFirst();
    }

    /** @throws app.tandem.system.InvalidInputException naming {@code sessionsTarget} when it is not 1 to {@link #MAX} */
    public void set(long termId, String text) {
        int target;
        try {
            target = Integer.parseInt(text == null ? "" : text.strip());
        } catch (NumberFormatException e) {
            throw messages.invalid("sessionsTarget", "invalid.sessionsTarget", MAX);
        }
        if (target < 1 || target > MAX) {
            throw messages.invalid("sessionsTarget", "invalid.sessionsTarget", MAX);
        }
        jdbc.sql("update school_term set sessions_target = ? where id = ?").params(target, termId).update();
    }
}
