package app.tandem.tasklist;

import java.sql.Timestamp;
import java.time.Period;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.tandem.directory.Viewer;
import app.tandem.system.DistrictClock;

/**
 * The tabs of the task list and their counts, read from the tasklist's own tables. Each tab is
 * served by one index: "mine" by the assignee, a group's queue by (school, group, due date), the
 * district by (district, due date), completed work by (person, completed at).
 */
@Repository
public class Inbox {

    /** Past this many schools, a person's group queue is looked up from the group, not the schools. */
    static final int MANY_SCHOOLS = 50;

    /** The whole-district tab counts this many tasks past the page shown, then says "more than". */
    static final int DISTRICT_COUNT_LIMIT = 1_000;

    private static final String ROW_COLUMNS = ", s.name as school_name, m.full_name as assignee_name";

    private final JdbcClient jdbc;
    private final DistrictClock clock;
    private final Period dueSoon;

    Inbox(JdbcClient jdbc, DistrictClock clock,
          @Value("${tandem.tasklist.due-soon-within:P3D}") Period dueSoon) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.dueSoon = dueSoon;
    }

    public InboxCounts counts(Viewer worker, InboxQuery query) {
        Params params = new Params(worker, query, Timestamp.from(clock.now()), soon());
        Map<InboxView, Long> counts = new EnumMap<>(InboxView.class);
        Set<InboxView> atLeast = EnumSet.noneOf(InboxView.class);
        counts.put(InboxView.MINE, count("select count(*) from open_task t where " + mine(params), params));
        counts.put(InboxView.GROUP, params.hasQueue()
                ? count("select count(distinct x.task_id) from (" + queue(params, "") + ") x", params)
                : 0L);
        counts.put(InboxView.DUE_SOON, count("select count(*) from (" + workable(params, Due.SOON) + ") x", params));
        counts.put(InboxView.OVERDUE, count("select count(*) from (" + workable(params, Due.OVERDUE) + ") x", params));
        counts.put(InboxView.COMPLETED, count("select count(*) from completed_task t where " + done(params), params));
        if (worker.readsWholeDistrict()) {
            // Counted up to a limit past the page shown: a district can hold half a million open tasks.
            long limit = (long) query.page() * InboxQuery.PAGE_SIZE + DISTRICT_COUNT_LIMIT;
            long district = count("select count(*) from (select t.task_id from open_task t where "
                    + district(params) + " limit " + (limit + 1) + ") x", params);
            counts.put(InboxView.DISTRICT, Math.min(district, limit));
            if (district > limit) {
                atLeast.add(InboxView.DISTRICT);
            }
        }
        return new InboxCounts(counts, atLeast);
    }

    public InboxPage page(Viewer worker, InboxQuery query, InboxCounts counts) {
        return page(worker, query, counts.get(query.view()), counts.atLeast(query.view()));
    }

    private InboxPage page(Viewer worker, InboxQuery query, long total, boolean totalAtLeast) {
        Params params = new Params(worker, query, Timestamp.from(clock.now()), soon());
        String order = query.latestDueFirst() ? "t.due_at desc nulls last" : "t.due_at asc nulls last";
        String sql = switch (query.view()) {
            case MINE -> openRows(mine(params), order);
            case GROUP -> params.hasQueue()
                    ? openRows("t.task_id in (" + queue(params, "") + ")", order)
                    : null;
            case DUE_SOON -> openRows("t.task_id in (" + workable(params, Due.SOON) + ")", order);
            case OVERDUE -> openRows("t.task_id in (" + workable(params, Due.OVERDUE) + ")", order);
            // The district's own order leads with the district, so both databases read the page off the index.
            case DISTRICT -> worker.readsWholeDistrict() ? openRows(district(params), "t.district_id, " + order) : null;
            case COMPLETED -> "select " + TaskRecords.COMPLETED_COLUMNS + ROW_COLUMNS + " from completed_task t "
                    + "left join school s on s.id = t.school_id left join staff_member m on m.username = t.completed_by "
                    + "where " + done(params) + " order by t.completed_at desc, t.task_id";
        };
        if (sql == null) {
            return new InboxPage(List.of(), 0, InboxQuery.PAGE_SIZE, 0, false);
        }
        params.values.put("limit", InboxQuery.PAGE_SIZE);
        params.values.put("offset", (long) query.page() * InboxQuery.PAGE_SIZE);
        List<InboxRow> rows = jdbc.sql(sql + " limit :limit offset :offset")
                .params(params.values)
                .query((rs, n) -> new InboxRow(TaskRecords.record(rs, n), rs.getString("school_name"),
                        rs.getString("assignee_name")))
                .list();
        return new InboxPage(rows, query.page(), InboxQuery.PAGE_SIZE, total, totalAtLeast);
    }

    /** One open task as a line of the list, whoever asks; access is checked by the caller. */
    public Optional<InboxRow> row(String taskId) {
        return jdbc.sql(openRows("t.task_id = :id", "t.due_at"))
                .param("id", taskId)
                .query((rs, n) -> new InboxRow(TaskRecords.record(rs, n), rs.getString("school_name"),
                        rs.getString("assignee_name")))
                .optional();
    }

    private static String openRows(String where, String order) {
        return "select " + TaskRecords.OPEN_COLUMNS + ROW_COLUMNS + " from open_task t "
                + "left join school s on s.id = t.school_id left join staff_member m on m.username = t.assignee "
                + "where " + where + " order by " + order + ", t.created_at, t.task_id";
    }

    private static String mine(Params params) {
        return "t.assignee = :me" + params.filters("t");
    }

    /** The ids of the tasks offered to a person's groups: at their schools, and work of no school in their district. */
    private static String queue(Params params, String due) {
        // A few schools are joined from the school table, so the index is sought school by school (as an IN
        // list beside a due range, H2 read every offer of the district: it seeks an IN list only when no other
        // condition bounds the index); many are looked up row by row, so the database starts from the group
        // (V12), which a manager's queue holds few of.
        String atSchools = params.manySchools()
                ? "select o.task_id from open_task_offer o where o.group_id in (:groups) and exists (select 1 from "
                        + "staff_school ss where ss.username = :me and ss.school_id = o.school_id)"
                        + params.filters("o") + due
                : "select o.task_id from school their join open_task_offer o on o.school_id = their.id "
                        + "where their.id in (:schools) and o.group_id in (:groups)" + params.filters("o") + due;
        String inDistrict = "select o.task_id from open_task_offer o where o.district_id = :district "
                + "and o.group_id in (:groups)" + params.filters("o") + due;
        if (!params.hasDistrictQueue()) {
            return atSchools;
        }
        return params.hasSchools() ? atSchools + " union " + inDistrict : inDistrict;
    }

    private static String district(Params params) {
        return "t.district_id = :district" + params.filters("t");
    }

    private static String done(Params params) {
        return "t.completed_by = :me" + params.filters("t");
    }

    /** The tasks a person should act on within a due range: theirs, and their groups' unclaimed ones. */
    private static String workable(Params params, Due due) {
        String mine = "select t.task_id from open_task t where " + mine(params) + due.on("t");
        if (!params.hasQueue()) {
            return mine;
        }
        return mine + " union " + queue(params, due.on("o"));
    }

    private long count(String sql, Params params) {
        return jdbc.sql(sql).params(params.values).query(Long.class).single();
    }

    private Timestamp soon() {
        return Timestamp.from(clock.endOf(clock.today().plus(dueSoon)).toInstant());
    }

    private enum Due {
        SOON, OVERDUE;

        String on(String alias) {
            return this == SOON
                    ? " and " + alias + ".due_at >= :now and " + alias + ".due_at <= :soon"
                    : " and " + alias + ".due_at < :now";
        }
    }

    private static final class Params {
        private final Map<String, Object> values = new HashMap<>();
        private final InboxQuery query;
        private final boolean queue;
        private final int schoolCount;

        Params(Viewer worker, InboxQuery query, Timestamp now, Timestamp soon) {
            this.query = query;
            this.queue = !worker.groups().isEmpty()
                    && (!worker.schoolIds().isEmpty() || (worker.districtId() != null && query.schoolId() == null));
            this.schoolCount = worker.schoolIds().size();
            values.put("me", worker.username());
            values.put("groups", worker.groups());
            values.put("schools", worker.schoolIds());
            values.put("district", worker.districtId());
            values.put("now", now);
            values.put("soon", soon);
            values.put("school", query.schoolId());
            values.put("process", query.processKey());
        }

        boolean hasQueue() {
            return queue;
        }

        boolean hasSchools() {
            return schoolCount > 0;
        }

        /** Work of no school is offered district-wide; with a school chosen, only that school's work shows. */
        boolean hasDistrictQueue() {
            return values.get("district") != null && query.schoolId() == null;
        }

        boolean manySchools() {
            return schoolCount > MANY_SCHOOLS;
        }

        String filters(String alias) {
            return (query.schoolId() == null ? "" : " and " + alias + ".school_id = :school")
                    + (query.processKey() == null ? "" : " and " + alias + ".process_key = :process");
        }
    }
}
