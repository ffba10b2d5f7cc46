package app.tandem.tasklist;

import static app.tandem.tasklist.TaskAccessTest.coordinator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.UserRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import app.tandem.TandemTest;
import app.tandem.directory.Role;
import app.tandem.program.Milestone;
import app.tandem.program.MilestoneKind;
import app.tandem.program.Milestones;
import app.tandem.program.SchoolProgram;
import app.tandem.system.DistrictClock;
import app.tandem.tasklist.TasklistFixture.SchoolAtWork;

/** Filling in a task's form in Tandem: what comes back when it is refused, and what is kept where. */
@TandemTest
class TaskFormTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TasklistFixture fixture;
    @Autowired
    TaskService tasks;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    DistrictClock clock;
    @Autowired
    Milestones milestones;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void shouldKeepTheValuesAndMarkTheFieldWhenARequiredFieldIsMissing() throws Exception {
        SchoolAtWork school = fixture.school();
        Task task = fixture.scheduleTask(school);

        MockHttpServletResponse response = submit(task, coordinator(school.coordinator()),
                Map.of("invitees", List.of(school.program().leader(), school.program().teacher())));

        assertThat(response.getStatus()).isEqualTo(422);
        Document page = page(response);
        Element date = page.getElementById("field-alignmentMeetingDate");
        assertThat(date.hasClass("is-invalid")).isTrue();
        assertThat(date.attr("aria-invalid")).isEqualTo("true");
        assertThat(date.attr("aria-describedby")).contains("field-alignmentMeetingDate-error");
        assertThat(page.getElementById("field-alignmentMeetingDate-error").text())
                .isEqualTo("Meeting date: is required.");
        assertThat(page.select("#error-summary a[href=#field-alignmentMeetingDate]").text())
                .isEqualTo("Meeting date: is required.");
        assertThat(page.select("input[name=invitees][checked]").eachAttr("value"))
                .containsExactlyInAnyOrder(school.program().leader(), school.program().teacher());
        assertThat(tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee())
                .as("nothing was claimed").isNull();
    }

    @Test
    void shouldShowTheProcessRefusalAtItsFieldWithNothingLost() throws Exception {
        SchoolAtWork school = fixture.school();
        Task task = fixture.scheduleTask(school);
        String yesterday = clock.today().minusDays(1).toString();

        MockHttpServletResponse response = submit(task, coordinator(school.coordinator()), Map.of(
                "alignmentMeetingDate", List.of(yesterday), "startTime", List.of("16:00"), "lengthMinutes", List.of("60"),
                "place", List.of("Library"), "invitees", List.of(school.program().teacher())));

        assertThat(response.getStatus()).isEqualTo(422);
        Document page = page(response);
        assertThat(page.getElementById("field-alignmentMeetingDate").hasClass("is-invalid")).isTrue();
        assertThat(page.getElementById("field-alignmentMeetingDate").val()).isEqualTo(yesterday);
        assertThat(page.getElementById("field-alignmentMeetingDate-error").text())
                .isEqualTo("Meeting date: " + yesterday + " has already passed: pick today or a later day.");
        assertThat(page.select("input[name=invitees][checked]").eachAttr("value"))
                .containsExactly(school.program().teacher());
        Task still = tasks.createTaskQuery().taskId(task.getId()).singleResult();
        assertThat(still).as("the task is still open").isNotNull();
        assertThat(still.getAssignee()).as("the claim was rolled back with the rest").isNull();
    }

    @Test
    void shouldMakeOnlyTheFormsKeysProcessVariablesTyped() throws Exception {
        SchoolAtWork school = fixture.school();
        Task followUp = overdueFollowUp(school);
        UserRequestPostProcessor manager = user(fixture.person("manager", Set.of(Role.MANAGER), school.school()))
                .roles("managers");

        MockHttpServletResponse refused = submit(followUp, manager, Map.of("followUpAction", List.of("ignored-it")));
        assertThat(page(refused).getElementById("field-followUpAction-error").text())
                .isEqualTo("What you did: 'ignored-it' is not one of the choices.");

        MockHttpServletResponse done = submit(followUp, manager, Map.of(
                "followUpAction", List.of("rescheduled"),
                "followUpNeedsDistrictSupport", List.of("true"),
                "schoolId", List.of("999"),
                "injected", List.of("anything")));

        assertThat(done.getStatus()).isEqualTo(302);
        Map<String, Object> variables = runtime.getVariables(school.program().processInstanceId());
        assertThat(variables).containsEntry("followUpAction", "rescheduled")
                .containsEntry("followUpNeedsDistrictSupport", Boolean.TRUE)
                .containsEntry("schoolId", school.school().id())
                .doesNotContainKey("injected");
    }

    @Test
    void shouldKeepFreeTextInTandemAndNeverInCamunda() throws Exception {
        SchoolAtWork school = fixture.school();
        Task hold = fixture.scheduled(school);
        String notes = "Agreed with Ms Rivera " + UUID.randomUUID();

        MockHttpServletResponse response = submit(hold, coordinator(school.coordinator()), Map.of(
                "heldOn", List.of(clock.today().toString()),
                "attendees", List.of(school.program().leader()),
                "alignmentPoints", List.of("schedule"),
                "notes", List.of(notes)));

        assertThat(response.getStatus()).isEqualTo(302);
        Milestone alignment = milestones.find(school.program().term().id(), MilestoneKind.ALIGNMENT_MEETING, 1)
                .orElseThrow();
        assertThat(milestones.minutesOf(alignment.id()).orElseThrow().notes()).isEqualTo(notes);
        assertThat(camundaTextContaining(notes)).as("Camunda's variables, history and byte arrays").isZero();

        Document readBack = page(mvc.perform(get("/tasks/" + hold.getId()).with(coordinator(school.coordinator())))
                .andReturn().getResponse());
        assertThat(readBack.getElementById("completed-by").text()).startsWith("Completed by coordinator");
        assertThat(readBack.select("#answers dd").eachText()).contains(notes, "Tutoring schedule within the school day");
    }

    @Test
    void shouldShowScriptPayloadsAsTextInTheListTheTaskAndItsRecord() throws Exception {
        SchoolAtWork school = fixture.school();
        String payload = "<script>alert('x')</script>";
        String sneaky = fixture.person("coordinator", payload, Set.of(Role.COORDINATOR), school.school());
        Task task = fixture.scheduleTask(school);
        tasks.setAssignee(task.getId(), sneaky);

        MockHttpServletResponse list = mvc.perform(get("/tasks").with(coordinator(sneaky))).andReturn().getResponse();
        assertThat(list.getContentAsString()).doesNotContain(payload).contains("&lt;script&gt;");
        assertThat(page(list).select("#task-" + task.getId() + " td").eachText()).contains(payload);

        mvc.perform(post("/tasks/" + task.getId() + "/comments").with(csrf()).with(coordinator(sneaky))
                .param("body", payload));
        MockHttpServletResponse detail = mvc.perform(get("/tasks/" + task.getId()).with(coordinator(sneaky)))
                .andReturn().getResponse();
        assertThat(detail.getContentAsString()).doesNotContain(payload);
        assertThat(page(detail).select("#comments .comment-body").eachText()).containsExactly(payload);

        SchoolAtWork other = fixture.school();
        Task otherHold = fixture.scheduled(other);
        submit(otherHold, coordinator(other.coordinator()), Map.of(
                "heldOn", List.of(clock.today().toString()), "notes", List.of(payload)));
        MockHttpServletResponse record = mvc.perform(get("/tasks/" + otherHold.getId())
                .with(coordinator(other.coordinator()))).andReturn().getResponse();
        assertThat(record.getContentAsString()).doesNotContain(payload);
        assertThat(page(record).select("#answers dd").eachText()).contains(payload);
    }

    @Test
    void shouldSayPlainlyThatAColleagueCompletedTheTaskAMomentAgo() throws Exception {
        SchoolAtWork school = fixture.school();
        String colleague = fixture.person("coordinator", "Casey Colleague", Set.of(Role.COORDINATOR), school.school());
        Task task = fixture.scheduleTask(school);
        Map<String, List<String>> form = Map.of("alignmentMeetingDate", List.of(clock.today().plusDays(3).toString()),
                "startTime", List.of("16:00"), "lengthMinutes", List.of("60"), "place", List.of("Library"));
        assertThat(submit(task, coordinator(colleague), form).getStatus()).isEqualTo(302);

        MockHttpServletResponse late = submit(task, coordinator(school.coordinator()), form);

        assertThat(late.getStatus()).isEqualTo(302);
        assertThat(late.getRedirectedUrl()).isEqualTo("/tasks/" + task.getId());
        assertThat(mvc.perform(post("/tasks/" + task.getId()).with(csrf()).with(coordinator(school.coordinator()))
                        .param("alignmentMeetingDate", clock.today().plusDays(3).toString()).param("startTime", "16:00").param("lengthMinutes", "60").param("place", "Library"))
                .andReturn().getFlashMap().get("notice").toString())
                .startsWith("Casey Colleague completed \u201cSchedule the alignment meeting\u201d on ")
                .endsWith("before you did. What you entered was not saved.");
    }

    @Test
    void shouldClaimFromTheListWithoutReloadingThePage() throws Exception {
        SchoolAtWork school = fixture.school();
        Task task = fixture.scheduleTask(school);

        MockHttpServletResponse response = mvc.perform(post("/tasks/" + task.getId() + "/claim").with(csrf())
                        .with(coordinator(school.coordinator())).header("HX-Request", "true").param("view", "group"))
                .andReturn().getResponse();

        String body = response.getContentAsString();
        assertThat(body).doesNotContain("<html").contains("hx-swap-oob");
        Document fragment = Jsoup.parseBodyFragment("<table>" + body + "</table>");
        assertThat(fragment.getElementById("task-" + task.getId()).select("button").text()).isEqualTo("Unclaim");
        assertThat(fragment.getElementById("count-mine").text()).isEqualTo("1");
        assertThat(fragment.getElementById("notice").text()).isEqualTo("You claimed \u201cSchedule the alignment meeting\u201d.");
        assertThat(tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee())
                .isEqualTo(school.coordinator());
    }

    @Test
    void shouldSayWhoClaimedATaskFirst() throws Exception {
        SchoolAtWork school = fixture.school();
        String colleague = fixture.person("coordinator", "Robin Quick", Set.of(Role.COORDINATOR), school.school());
        Task task = fixture.scheduleTask(school);
        tasks.claim(task.getId(), colleague);

        MockHttpServletResponse response = mvc.perform(post("/tasks/" + task.getId() + "/claim").with(csrf())
                        .with(coordinator(school.coordinator())).header("HX-Request", "true").param("view", "group"))
                .andReturn().getResponse();

        Document fragment = Jsoup.parseBodyFragment("<table>" + response.getContentAsString() + "</table>");
        assertThat(fragment.getElementById("notice").text())
                .isEqualTo("Robin Quick claimed \u201cSchedule the alignment meeting\u201d a moment ago, so it is theirs now.");
        assertThat(tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isEqualTo(colleague);
    }

    @Test
    void shouldHandOverOnlyToSomeoneInTheTasksGroupAtItsSchool() throws Exception {
        SchoolAtWork school = fixture.school();
        String colleague = fixture.person("coordinator", Set.of(Role.COORDINATOR), school.school());
        Task task = fixture.scheduleTask(school);
        tasks.claim(task.getId(), school.coordinator());

        mvc.perform(post("/tasks/" + task.getId() + "/handover").with(csrf()).with(coordinator(school.coordinator()))
                .param("assignee", school.program().teacher()));
        assertThat(assignee(task)).as("a teacher is not in the coordinators' group").isEqualTo(school.coordinator());

        mvc.perform(post("/tasks/" + task.getId() + "/handover").with(csrf()).with(coordinator(school.coordinator()))
                .param("assignee", colleague));
        assertThat(assignee(task)).isEqualTo(colleague);
    }

    @Test
    void shouldSetTheDueAndFollowUpDays() throws Exception {
        SchoolAtWork school = fixture.school();
        Task task = fixture.scheduleTask(school);
        LocalDate due = clock.today().plusDays(9);
        LocalDate followUp = clock.today().plusDays(4);

        mvc.perform(post("/tasks/" + task.getId() + "/dates").with(csrf()).with(coordinator(school.coordinator()))
                .param("due", due.toString()).param("followUp", followUp.toString()));

        Task changed = tasks.createTaskQuery().taskId(task.getId()).singleResult();
        assertThat(changed.getDueDate()).isEqualTo(clock.endOf(due));
        assertThat(changed.getFollowUpDate()).isEqualTo(clock.startOf(followUp));
        Document page = page(mvc.perform(get("/tasks/" + task.getId()).with(coordinator(school.coordinator())))
                .andReturn().getResponse());
        assertThat(page.getElementById("due").val()).isEqualTo(due.toString());
    }

    private Task overdueFollowUp(SchoolAtWork school) {
        Task hold = fixture.scheduled(school);
        ClockUtil.setCurrentTime(Date.from(hold.getDueDate().toInstant().plus(java.time.Duration.ofDays(2))));
        Job overdue = management.createJobQuery().processInstanceId(school.program().processInstanceId())
                .activityId(SchoolProgram.ALIGNMENT_MEETING_OVERDUE).singleResult();
        management.executeJob(overdue.getId());
        return fixture.task(school, SchoolProgram.FOLLOW_UP_OVERDUE_ALIGNMENT_MEETING);
    }

    private MockHttpServletResponse submit(Task task, UserRequestPostProcessor who, Map<String, List<String>> values)
            throws Exception {
        MockHttpServletRequestBuilder request = post("/tasks/" + task.getId()).with(csrf()).with(who);
        values.forEach((key, list) -> request.param(key, list.toArray(String[]::new)));
        return mvc.perform(request).andReturn().getResponse();
    }

    private String assignee(Task task) {
        return tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee();
    }

    private long camundaTextContaining(String text) {
        String like = "%" + text + "%";
        long rows = 0;
        for (String table : List.of("ACT_RU_VARIABLE", "ACT_HI_VARINST", "ACT_HI_DETAIL")) {
            rows += jdbc.sql("select count(*) from " + table + " where TEXT_ like ? or TEXT2_ like ?")
                    .params(like, like).query(Long.class).single();
        }
        rows += jdbc.sql("select BYTES_ from ACT_GE_BYTEARRAY").query((rs, n) -> rs.getBytes(1)).list().stream()
                .filter(bytes -> bytes != null && new String(bytes, StandardCharsets.UTF_8).contains(text))
                .count();
        rows += jdbc.sql("select count(*) from ACT_HI_COMMENT where MESSAGE_ like ?").param(like)
                .query(Long.class).single();
        return rows;
    }

    private static Document page(MockHttpServletResponse response) throws Exception {
        return Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8));
    }
}
