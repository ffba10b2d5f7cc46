package app.tandem.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.FileSystemResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

import com.fasterxml.jackson.databind.ObjectMapper;

import app.tandem.directory.Viewer;
import app.tandem.system.DistrictClock;
import app.tandem.system.DistrictZones;
import app.tandem.system.TandemProperties;
import app.tandem.testsupport.ExternalServiceCondition;
import app.tandem.testsupport.RequiresPostgres;

/**
 * The tasklist's migration and queries on PostgreSQL, in a schema of their own: the same tabs and
 * counts as on H2, from the same SQL.
 */
@RequiresPostgres
class TasklistOnPostgresTest {

    private static final ZoneId ZONE = ZoneId.of("America/Chicago");

    private final String schema = "tasklist_" + UUID.randomUUID().toString().replace("-", "");
    private SingleConnectionDataSource dataSource;
    private JdbcClient jdbc;
    private OpenTaskProjection projection;
    private Inbox inbox;
    private final Instant now = Instant.now();

    @BeforeEach
    void aFreshSchema() throws SQLException {
        dataSource = new SingleConnectionDataSource(ExternalServiceCondition.PG_URL, ExternalServiceCondition.PG_USER,
                ExternalServiceCondition.PG_PASSWORD, true);
        jdbc = JdbcClient.create(dataSource);
        jdbc.sql("create schema " + schema).update();
        jdbc.sql("set search_path to " + schema).update();
        try (Connection connection = dataSource.getConnection()) {
            for (String migration : List.of("V1__directory.sql", "V2__program_evidence.sql", "V10__tasklist.sql",
                    "V20__outbox.sql", "V23__mail_replies_and_opt_outs.sql")) {
                ScriptUtils.executeSqlScript(connection,
                        new FileSystemResource("src/main/resources/db/migration/" + migration));
            }
        }
        jdbc.sql("insert into district (id, code, name, time_zone) values (1, 'd', 'District', 'America/Chicago')").update();
        for (int school = 1; school <= 3; school++) {
            jdbc.sql("insert into school (id, district_id, code, name) values (?, 1, ?, ?)")
                    .params(school, "s" + school, "School " + school).update();
        }
        jdbc.sql("insert into staff_member (username, district_id, full_name, email, preferred_language) "
                + "values ('ana', 1, 'Ana Ortiz', 'ana@example.org', 'es')").update();
        DistrictClock clock = new DistrictClock(new TandemProperties("http://localhost", ZONE), DistrictZones.NONE);
        projection = new OpenTaskProjection(jdbc, clock);
        inbox = new Inbox(jdbc, clock, Period.ofDays(3));
    }

    @AfterEach
    void dropSchema() {
        if (jdbc != null) {
            jdbc.sql("drop schema " + schema + " cascade").update();
            dataSource.destroy();
        }
    }

    @Test
    void shouldServeEveryTabAndItsCountFromTheSameSql() {
        task("mine-late", 1L, List.of("coordinators"), "ana", -2);
        task("offered-soon", 2L, List.of("coordinators", "school-leaders"), null, 1);
        task("offered-later", 1L, List.of("coordinators"), null, 20);
        task("other-school", 3L, List.of("coordinators"), null, 1);
        task("other-group", 1L, List.of("teachers"), null, 1);
        jdbc.sql("insert into completed_task (task_id, process_instance_id, process_definition_id, process_key, "
                        + "task_key, name, school_id, district_id, candidate_groups, completed_by, completed_at) "
                        + "values ('done', 'pi', 'pd', 'school-program', 'k', 'Done', 1, 1, 'coordinators', 'ana', ?)")
                .param(Timestamp.from(now)).update();
        Viewer ana = new Viewer("ana", Set.of("coordinators", "managers"), Set.of(1L, 2L), 1L);

        Map<InboxView, Long> counts = inbox.counts(ana, query(InboxView.MINE)).values();

        assertThat(counts).containsEntry(InboxView.MINE, 1L).containsEntry(InboxView.GROUP, 2L)
                .containsEntry(InboxView.DUE_SOON, 1L).containsEntry(InboxView.OVERDUE, 1L)
                .containsEntry(InboxView.COMPLETED, 1L).containsEntry(InboxView.DISTRICT, 5L);
        assertThat(ids(ana, InboxView.MINE)).containsExactly("mine-late");
        assertThat(ids(ana, InboxView.GROUP)).containsExactly("offered-soon", "offered-later");
        assertThat(ids(ana, InboxView.DUE_SOON)).containsExactly("offered-soon");
        assertThat(ids(ana, InboxView.OVERDUE)).containsExactly("mine-late");
        assertThat(ids(ana, InboxView.COMPLETED)).containsExactly("done");
        assertThat(ids(ana, InboxView.DISTRICT)).hasSize(5);
        assertThat(inbox.page(ana, query(InboxView.MINE), inbox.counts(ana, query(InboxView.MINE))).rows().get(0).assigneeName()).isEqualTo("Ana Ortiz");
        InboxQuery filtered = new InboxQuery(InboxView.GROUP, 2L, "school-program", true, 0);
        assertThat(inbox.page(ana, filtered, inbox.counts(ana, filtered)).rows())
                .extracting(row -> row.task().taskId()).containsExactly("offered-soon");
        assertThat(new TaskRecords(jdbc).open("offered-soon").orElseThrow().candidateGroups())
                .containsExactly("coordinators", "school-leaders");
        assertThat(new TaskRecords(jdbc).completed("done").orElseThrow().completedBy()).isEqualTo("ana");
    }

    @Test
    void shouldKeepSubmissionsAndCommentsOnPostgres() {
        TaskRecord task = new TaskRecords(jdbc).open(task("commented", 1L, List.of("coordinators"), null, 1))
                .orElseThrow();
        TaskSubmissions submissions = new TaskSubmissions(jdbc, new ObjectMapper());

        submissions.record("commented", "hold-check-in", Map.of("notes", "Largo texto", "count", 3), "ana", now);
        new TaskComments(jdbc, null).add(task, "ana", now, "Nota");

        assertThat(submissions.valuesOf("commented")).contains(Map.of("notes", "Largo texto", "count", 3));
        assertThat(jdbc.sql("select body from task_comment where task_id = 'commented'").query(String.class).single())
                .isEqualTo("Nota");
    }

    private String task(String id, Long school, List<String> groups, String assignee, int dueInDays) {
        Date due = Date.from(now.plus(dueInDays, ChronoUnit.DAYS));
        projection.insert(new OpenTaskProjection.Snapshot(id, "pi-" + id, "pd", "school-program", "holdCheckIn",
                "Hold the progress check-in", school, null, groups, assignee, due, null, 50, Date.from(now)));
        return id;
    }

    private List<String> ids(Viewer worker, InboxView view) {
        return inbox.page(worker, query(view), inbox.counts(worker, query(view))).rows().stream().map(row -> row.task().taskId()).toList();
    }

    private static InboxQuery query(InboxView view) {
        return new InboxQuery(view, null, null, false, 0);
    }
}
