package app.tandem.tasklist;

import static app.tandem.tasklist.TaskAccessTest.coordinator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import app.tandem.TandemTest;
import app.tandem.directory.District;
import app.tandem.directory.Role;
import app.tandem.directory.School;
import app.tandem.directory.Schools;
import app.tandem.directory.StaffDirectory;
import app.tandem.directory.StaffMember;
import app.tandem.directory.TermPlan;
import app.tandem.directory.Terms;
import app.tandem.program.SchoolProgram;
import app.tandem.program.SchoolProgramLauncher;
import app.tandem.system.DistrictClock;
import app.tandem.tasklist.TasklistFixture.SchoolAtWork;

/** The task list as a coordinator of two schools sees it: tabs, counts, filters and pages. */
@TandemTest
class TaskListPageTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TasklistFixture fixture;
    @Autowired
    TaskService tasks;
    @Autowired
    IdentityService identity;
    @Autowired
    DistrictClock clock;
    @Autowired
    Terms terms;
    @Autowired
    SchoolProgramLauncher launcher;
    @Autowired
    Schools schools;
    @Autowired
    StaffDirectory staff;
    @Autowired
    JdbcTemplate jdbc;

    SchoolAtWork first;
    SchoolAtWork second;
    String coordinator;

    @BeforeEach
    void twoSchools() {
        first = fixture.school();
        second = fixture.school();
        coordinator = fixture.person("coordinator", Set.of(Role.COORDINATOR), first.school(), second.school());
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void shouldCountEachTabAndListItsTasks() throws Exception {
        Task mine = fixture.scheduleTask(first);
        tasks.claim(mine.getId(), coordinator);
        Task offered = fixture.scheduleTask(second);
        dueIn(offered, 1);
        SchoolAtWork third = fixture.school();
        Task done = fixture.scheduleTask(third);
        tasks.setAssignee(done.getId(), coordinator);
        identity.setAuthenticatedUserId(coordinator);
        try {
            tasks.complete(done.getId(), Variables.putValue(SchoolProgram.Var.ALIGNMENT_MEETING_DATE,
                    clock.today().plusDays(5).toString())
                .putValue("startTime", "16:00").putValue("lengthMinutes", 60).putValue("place", "Library"));
        } finally {
            identity.clearAuthentication();
        }

        Document page = list("mine");
        assertThat(counts(page)).containsExactly("1", "1", "1", "0", "1");
        assertThat(rows(page)).containsExactly(mine.getId());
        assertThat(rows(list("group"))).containsExactly(offered.getId());
        assertThat(rows(list("soon"))).containsExactly(offered.getId());
        assertThat(rows(list("overdue"))).isEmpty();
        assertThat(list("overdue").select("main p.text-body-secondary").text()).isEqualTo("Nothing of yours is overdue.");
        Document completed = list("done");
        assertThat(rows(completed)).containsExactly(done.getId());
        assertThat(completed.select("#task-" + done.getId() + " td").get(1).text()).isEqualTo(third.school().name());
        assertThat(page.select("nav a.nav-link").eachText()).as("no district tab for a coordinator")
                .noneMatch(text -> text.startsWith("Whole district"));
    }

    @Test
    void shouldOpenOnTheirTasks() throws Exception {
        mvc.perform(get("/").with(coordinator(coordinator)))
                .andExpect(redirectedUrl("/tasks"));
    }

    @Test
    void shouldOpenOnGroupTasksWhileNothingIsTheirsAndOnTheirOwnOnceSomethingIs() throws Exception {
        Task offered = fixture.scheduleTask(first);

        Document landing = mvc(get("/tasks"));
        assertThat(rows(landing)).contains(offered.getId());
        assertThat(landing.select("nav a.nav-link.active").text()).startsWith("Group tasks");

        tasks.claim(offered.getId(), coordinator);
        Document after = mvc(get("/tasks"));
        assertThat(after.select("nav a.nav-link.active").text()).startsWith("My tasks");
        assertThat(rows(after)).contains(offered.getId());
    }

    @Test
    void shouldMarkOverdueTasksOfTheirOwnAndOfTheirGroupsAndCountThem() throws Exception {
        Task task = fixture.scheduleTask(first);
        tasks.claim(task.getId(), coordinator);
        Task offered = fixture.scheduleTask(second);
        ClockUtil.setCurrentTime(Date.from(task.getDueDate().toInstant().plusSeconds(3600)));

        Document page = list("overdue");

        assertThat(rows(page)).containsExactlyInAnyOrder(task.getId(), offered.getId());
        assertThat(page.select("#task-" + task.getId() + " .badge").text()).isEqualTo("Overdue");
        assertThat(page.getElementById("count-overdue").text()).isEqualTo("2");
        assertThat(page.getElementById("count-soon").text()).isEqualTo("0");
    }

    @Test
    void shouldFilterBySchoolAndByProcess() throws Exception {
        Task atFirst = fixture.scheduleTask(first);
        Task atSecond = fixture.scheduleTask(second);

        Document page = mvc(get("/tasks").param("view", "group").param("school", String.valueOf(first.school().id())));
        assertThat(rows(page)).containsExactly(atFirst.getId());
        assertThat(page.getElementById("count-group").text()).isEqualTo("1");
        assertThat(page.select("#filter-school option[selected]").text()).isEqualTo(first.school().name());

        assertThat(rows(mvc(get("/tasks").param("view", "group").param("process", SchoolProgram.PROCESS_KEY))))
                .containsExactlyInAnyOrder(atFirst.getId(), atSecond.getId());
        assertThat(rows(mvc(get("/tasks").param("view", "group").param("process", "no-such-process")))).isEmpty();
        assertThat(rows(mvc(get("/tasks").param("view", "group").param("school", "not-a-number").param("page", "-3"))))
                .as("unusable parameters fall back to the defaults")
                .containsExactlyInAnyOrder(atFirst.getId(), atSecond.getId());
    }

    @Test
    void shouldSortByDueDateAndPageThroughTwentyAtATime() throws Exception {
        LocalDate start = clock.today().plusDays(120);
        String latest = null;
        for (int n = 0; n < 21; n++) {
            var term = terms.plan(new TermPlan(first.school().id(), "extra-" + n, "Extra " + n, start.plusDays(7L * n),
                    start.plusDays(7L * n + 6), "P2W"));
            latest = launcher.start(term.id());
        }
        String latestDue = tasks.createTaskQuery().processInstanceId(latest).singleResult().getId();

        Document firstPage = mvc(get("/tasks").param("view", "group").param("school", String.valueOf(first.school().id())));
        assertThat(firstPage.getElementById("count-group").text()).isEqualTo("22");
        List<String> due = firstPage.select("#task-table tbody tr td:nth-child(4) span:first-child").eachText();
        assertThat(due).hasSize(20);
        assertThat(firstPage.select("nav .pagination").text()).contains("Page 1 of 2");
        assertThat(firstPage.select("main nav p").text()).isEqualTo("Tasks 1 to 20 of 22");

        Document secondPage = mvc(get("/tasks").param("view", "group")
                .param("school", String.valueOf(first.school().id())).param("page", "1"));
        assertThat(rows(secondPage)).hasSize(2);

        Document latestFirst = mvc(get("/tasks").param("view", "group")
                .param("school", String.valueOf(first.school().id())).param("order", "latest"));
        assertThat(rows(firstPage).get(0)).isEqualTo(fixture.scheduleTask(first).getId());
        assertThat(rows(latestFirst).get(0)).isEqualTo(latestDue);
    }

    @Test
    void shouldShowAManagerTheDistrictsSoonestTasksAndSayWhenThereAreMoreThanItCounts() throws Exception {
        District district = schools.addDistrict("busy-" + System.nanoTime(), "Busy District",
                java.time.ZoneId.of("America/Chicago"));
        School school = schools.add(district.id(), "busy-school-" + System.nanoTime(), "Busy Elementary");
        String manager = "manager-" + System.nanoTime();
        staff.add(new StaffMember(manager, district.id(), "Busy Manager", manager + "@example.org", "en"), "secret",
                Set.of(Role.MANAGER), List.of(school.id()));
        java.time.Instant now = java.time.Instant.now();
        List<Object[]> rows = new java.util.ArrayList<>();
        for (int n = 0; n <= Inbox.DISTRICT_COUNT_LIMIT + 4; n++) {
            // The task due soonest is written last, so the page must really be ordered by due date.
            rows.add(new Object[] {"busy-" + district.id() + "-" + n, school.id(), district.id(),
                    java.sql.Timestamp.from(now.plus(java.time.Duration.ofHours(2_000 - n)))});
        }
        jdbc.batchUpdate("insert into open_task (task_id, process_instance_id, process_definition_id, process_key, "
                + "task_key, name, school_id, district_id, candidate_groups, due_at, priority, created_at) "
                + "values (?, 'pi', 'school-program:1:x', 'school-program', 'holdCheckIn', 'Hold the check-in', ?, ?, "
                + "'coordinators', ?, 50, current_timestamp)", rows);

        Document page;
        try {
            page = Jsoup.parse(mvc.perform(get("/tasks").param("view", "district")
                            .with(user(manager).roles("managers"))).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8));
        } finally {
            jdbc.update("delete from open_task where district_id = ?", district.id());
        }

        assertThat(page.getElementById("count-district").text()).isEqualTo("1,000+");
        assertThat(page.select("main nav p").text()).isEqualTo("Tasks 1 to 20 of more than 1,000");
        assertThat(page.select("nav .pagination").text()).contains("Page 1 of more than 50").contains("Next");
        assertThat(rows(page)).hasSize(20).startsWith("busy-" + district.id() + "-" + (Inbox.DISTRICT_COUNT_LIMIT + 4));
    }

    @Test
    void shouldListTheGroupTasksOfSomeoneAtManySchoolsOnlyFromTheirSchools() throws Exception {
        District district = schools.districtByCode("test").orElseThrow();
        List<School> theirs = new java.util.ArrayList<>();
        for (int n = 0; n <= Inbox.MANY_SCHOOLS; n++) {
            theirs.add(schools.add(district.id(), "many-" + System.nanoTime() + "-" + n, "Many School " + n));
        }
        School notTheirs = schools.add(district.id(), "many-other-" + System.nanoTime(), "Other School");
        String coordinator = "coordinator-many-" + System.nanoTime();
        staff.add(new StaffMember(coordinator, district.id(), "Mona Many", coordinator + "@example.org", "en"), "secret",
                Set.of(Role.COORDINATOR), theirs.stream().map(School::id).toList());
        String mine = offer(theirs.get(Inbox.MANY_SCHOOLS), district);
        String other = offer(notTheirs, district);

        Document page;
        try {
            page = Jsoup.parse(mvc.perform(get("/tasks").param("view", "group")
                            .with(coordinator(coordinator))).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8));
        } finally {
            jdbc.update("delete from open_task where task_id in (?, ?)", mine, other);
        }

        assertThat(rows(page)).containsExactly(mine);
        assertThat(page.getElementById("count-group").text()).isEqualTo("1");
    }

    /** An unclaimed task offered to coordinators at the school, as the task listener writes it. */
    private String offer(School school, District district) {
        String id = "offered-" + school.id();
        java.sql.Timestamp tomorrow = java.sql.Timestamp.from(java.time.Instant.now().plus(java.time.Duration.ofDays(1)));
        jdbc.update("insert into open_task (task_id, process_instance_id, process_definition_id, process_key, "
                + "task_key, name, school_id, district_id, candidate_groups, due_at, priority, created_at) "
                + "values (?, 'pi', 'school-program:1:x', 'school-program', 'holdCheckIn', 'Hold the check-in', ?, ?, "
                + "'coordinators', ?, 50, current_timestamp)", id, school.id(), district.id(), tomorrow);
        jdbc.update("insert into open_task_offer (task_id, group_id, school_id, process_key, due_at) "
                + "values (?, 'coordinators', ?, 'school-program', ?)", id, school.id(), tomorrow);
        return id;
    }

    private void dueIn(Task task, int days) {
        Task reloaded = tasks.createTaskQuery().taskId(task.getId()).singleResult();
        reloaded.setDueDate(clock.endOf(clock.today().plusDays(days)));
        tasks.saveTask(reloaded);
    }

    private Document list(String view) throws Exception {
        return mvc(get("/tasks").param("view", view));
    }

    private Document mvc(MockHttpServletRequestBuilder request) throws Exception {
        return Jsoup.parse(mvc.perform(request.with(coordinator(coordinator))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    private static List<String> counts(Document page) {
        return page.select("nav .nav-link .badge").eachText();
    }

    private static List<String> rows(Document page) {
        return page.select("#task-table tbody tr").eachAttr("id").stream().map(id -> id.substring("task-".length()))
                .toList();
    }
}
