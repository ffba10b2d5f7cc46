package app.tandem.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import app.tandem.TandemTest;
import app.tandem.program.SchoolProgram;
import app.tandem.system.DistrictClock;
import app.tandem.tasklist.TasklistFixture.SchoolAtWork;

@TandemTest
class OpenTaskReadModelTest {

    @Autowired
    TasklistFixture fixture;
    @Autowired
    TaskService tasks;
    @Autowired
    RuntimeService runtime;
    @Autowired
    IdentityService identity;
    @Autowired
    TaskRecords records;
    @Autowired
    OpenTaskRebuild rebuild;
    @Autowired
    DistrictClock clock;
    @Autowired
    JdbcClient jdbc;

    @Test
    void shouldOfferANewTaskToItsGroupsAtItsSchool() {
        SchoolAtWork school = fixture.school();

        Task task = fixture.scheduleTask(school);

        TaskRecord record = records.open(task.getId()).orElseThrow();
        assertThat(record.schoolId()).isEqualTo(school.school().id());
        assertThat(record.districtId()).isEqualTo(school.school().districtId());
        assertThat(record.processKey()).isEqualTo(SchoolProgram.PROCESS_KEY);
        assertThat(record.taskKey()).isEqualTo(SchoolProgram.SCHEDULE_ALIGNMENT_MEETING);
        assertThat(record.candidateGroups()).containsExactly("coordinators");
        assertThat(record.dueAt()).isEqualTo(task.getDueDate().toInstant());
        assertThat(offers(task.getId())).containsExactly("coordinators@" + school.school().id());
    }

    @Test
    void shouldTakeAClaimedTaskOutOfItsGroupsQueueAndPutItBackWhenUnclaimed() {
        SchoolAtWork school = fixture.school();
        Task task = fixture.scheduleTask(school);

        tasks.claim(task.getId(), school.coordinator());
        assertThat(records.open(task.getId()).orElseThrow().assignee()).isEqualTo(school.coordinator());
        assertThat(offers(task.getId())).isEmpty();

        tasks.setAssignee(task.getId(), null);
        assertThat(records.open(task.getId()).orElseThrow().assignee()).isNull();
        assertThat(offers(task.getId())).containsExactly("coordinators@" + school.school().id());
    }

    @Test
    void shouldFollowANewDueDate() {
        SchoolAtWork school = fixture.school();
        Task task = fixture.scheduleTask(school);
        Date due = clock.endOf(clock.today().plusYears(5));

        task.setDueDate(due);
        tasks.saveTask(task);

        assertThat(records.open(task.getId()).orElseThrow().dueAt()).isEqualTo(due.toInstant());
        assertThat(jdbc.sql("select due_at from open_task_offer where task_id = ?").param(task.getId())
                .query(java.sql.Timestamp.class).single().toInstant()).isEqualTo(due.toInstant());
    }

    @Test
    void shouldRecordWhoCompletedATaskAndTakeItOutOfTheOpenOnes() {
        SchoolAtWork school = fixture.school();
        Task task = fixture.scheduleTask(school);

        identity.setAuthenticatedUserId(school.coordinator());
        try {
            tasks.complete(task.getId(), Variables.createVariables().putValue(
                    SchoolProgram.Var.ALIGNMENT_MEETING_DATE, clock.today().plusDays(7).toString())
                .putValue("startTime", "16:00").putValue("lengthMinutes", 60).putValue("place", "Library"));
        } finally {
            identity.clearAuthentication();
        }

        assertThat(records.open(task.getId())).isEmpty();
        assertThat(offers(task.getId())).isEmpty();
        TaskRecord done = records.completed(task.getId()).orElseThrow();
        assertThat(done.completedBy()).isEqualTo(school.coordinator());
        assertThat(done.completedAt()).isBeforeOrEqualTo(Instant.now());
        assertThat(done.schoolId()).isEqualTo(school.school().id());
        assertThat(records.open(fixture.task(school, SchoolProgram.HOLD_ALIGNMENT_MEETING).getId()))
                .as("the next task is open").isPresent();
    }

    @Test
    void shouldKeepTheTasksAsTheyWereWhenTheProcessRefusesACompletion() {
        SchoolAtWork school = fixture.school();
        Task task = fixture.scheduleTask(school);

        try {
            tasks.complete(task.getId(), Variables.createVariables().putValue(
                    SchoolProgram.Var.ALIGNMENT_MEETING_DATE, clock.today().minusDays(1).toString())
                .putValue("startTime", "16:00").putValue("lengthMinutes", 60).putValue("place", "Library"));
        } catch (RuntimeException expected) {
            // the meeting day has passed
        }

        assertThat(records.open(task.getId())).isPresent();
        assertThat(records.completed(task.getId())).isEmpty();
        assertThat(offers(task.getId())).hasSize(1);
    }

    @Test
    void shouldForgetTheTasksOfADeletedProcessEvenWhenCustomListenersAreSkipped() {
        SchoolAtWork school = fixture.school();
        Task task = fixture.scheduleTask(school);

        runtime.deleteProcessInstance(school.program().processInstanceId(), "test", true);

        assertThat(records.open(task.getId())).isEmpty();
        assertThat(offers(task.getId())).isEmpty();
    }

    @Test
    void shouldRebuildTheOpenTasksFromTheEngine() {
        SchoolAtWork school = fixture.school();
        Task task = fixture.scheduleTask(school);
        tasks.claim(task.getId(), school.coordinator());
        TaskRecord before = records.open(task.getId()).orElseThrow();
        jdbc.sql("delete from open_task where task_id = ?").param(task.getId()).update();

        rebuild.run(null);

        assertThat(records.open(task.getId())).contains(before);
    }

    private List<String> offers(String taskId) {
        return jdbc.sql("select group_id, school_id from open_task_offer where task_id = ? order by group_id")
                .param(taskId)
                .query((rs, n) -> rs.getString("group_id") + "@" + rs.getLong("school_id"))
                .list();
    }

}
