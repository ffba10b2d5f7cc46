package app.tandem.tasklist;

import static app.tandem.tasklist.TaskAccessTest.coordinator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Set;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import app.tandem.TandemTest;
import app.tandem.directory.Role;
import app.tandem.notify.Deadlines;
import app.tandem.notify.Mailroom;
import app.tandem.notify.MessageKind;
import app.tandem.program.SchoolProgram;
import app.tandem.system.DistrictClock;
import app.tandem.tasklist.TasklistFixture.SchoolAtWork;

/** Actions a task's model offers on its page: a coordinator moves the alignment meeting before it is held. */
@TandemTest
class TaskActionsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TasklistFixture fixture;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    ProcessEngine engine;
    @Autowired
    DistrictClock clock;
    @Autowired
    Mailroom mailroom;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void shouldLetTheCoordinatorMoveTheMeetingSoInviteesGetAnUpdateAndTheDeadlinesFollowTheNewDay() throws Exception {
        SchoolAtWork school = fixture.school();
        String pi = school.program().processInstanceId();
        LocalDate today = clock.today();
        Task schedule = fixture.scheduleTask(school);
        mvc.perform(post("/tasks/" + schedule.getId()).with(csrf()).with(coordinator(school.coordinator()))
                .param("alignmentMeetingDate", today.plusDays(7).toString()).param("startTime", "16:00").param("lengthMinutes", "60").param("place", "Library")
                .param("invitees", school.program().leader()));
        Task hold = fixture.task(school, SchoolProgram.HOLD_ALIGNMENT_MEETING);

        Document page = page(mvc.perform(get("/tasks/" + hold.getId()).with(coordinator(school.coordinator())))
                .andReturn().getResponse());
        assertThat(page.select("form[action$=/actions/alignmentMeetingToBeMoved] button").text())
                .isEqualTo("Move the meeting");

        MockHttpServletResponse moved = mvc.perform(post("/tasks/" + hold.getId() + "/actions/alignmentMeetingToBeMoved")
                .with(csrf()).with(coordinator(school.coordinator()))).andReturn().getResponse();
        Task reschedule = fixture.task(school, SchoolProgram.RESCHEDULE_ALIGNMENT_MEETING);
        assertThat(moved.getRedirectedUrl()).as("straight to picking the new day").isEqualTo("/tasks/" + reschedule.getId());
        assertThat(reschedule.getAssignee()).isEqualTo(school.coordinator());
        assertThat(fixture.task(school, SchoolProgram.HOLD_ALIGNMENT_MEETING)).as("taken back while it moves").isNull();

        mvc.perform(post("/tasks/" + reschedule.getId()).with(csrf()).with(coordinator(school.coordinator()))
                .param("alignmentMeetingDate", today.plusDays(12).toString()).param("startTime", "16:00").param("lengthMinutes", "60").param("place", "Library")
                .param("invitees", school.program().leader()));

        Task again = fixture.task(school, SchoolProgram.HOLD_ALIGNMENT_MEETING);
        assertThat(again.getDueDate()).isEqualTo(clock.endOf(today.plusDays(12)));
        assertThat(Deadlines.of(engine, pi, SchoolProgram.HOLD_ALIGNMENT_MEETING)).as("none left on the old day")
                .extracting(Job::getDuedate).containsExactly(clock.startOf(today.plusDays(10)),
                        clock.endOf(today.plusDays(13)), clock.endOf(today.plusDays(15)));
        assertThat(management.createJobQuery().processInstanceId(pi)
                .activityId(SchoolProgram.ALIGNMENT_MEETING_OVERDUE).list())
                .extracting(Job::getDuedate).containsExactly(clock.endOf(today.plusDays(13)));
        assertThat(mailroom.queuedFor(school.program().leader(), MessageKind.MEETING_UPDATE)).hasSize(1);
        assertThat(mailroom.queuedFor(school.program().leader(), MessageKind.MEETING_CANCELLED)).isEmpty();
    }

    @Test
    void shouldOfferNoMoveToSomeoneWhoCannotWorkOnTheMeeting() throws Exception {
        SchoolAtWork school = fixture.school();
        Task hold = fixture.scheduled(school);
        String manager = fixture.person("manager", Set.of(Role.MANAGER), school.school());

        Document page = page(mvc.perform(get("/tasks/" + hold.getId()).with(user(manager).roles("managers")))
                .andReturn().getResponse());
        assertThat(page.select("form[action*=/actions/]")).as("a manager reads it").isEmpty();
        assertThat(mvc.perform(post("/tasks/" + hold.getId() + "/actions/alignmentMeetingToBeMoved").with(csrf())
                .with(user(manager).roles("managers"))).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(fixture.task(school, SchoolProgram.HOLD_ALIGNMENT_MEETING).getId()).as("still there")
                .isEqualTo(hold.getId());
    }

    private static Document page(MockHttpServletResponse response) throws Exception {
        return Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8));
    }
}
