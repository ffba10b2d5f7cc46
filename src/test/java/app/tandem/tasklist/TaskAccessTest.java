package app.tandem.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.UserRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import app.tandem.TandemTest;
import app.tandem.directory.Role;
import app.tandem.system.DistrictClock;
import app.tandem.tasklist.TasklistFixture.SchoolAtWork;

/**
 * Who may see and work on which task, by URL and by crafted POST. Each rule of {@link TaskAccess}
 * has a test here that fails when the rule is taken out.
 */
@TandemTest
class TaskAccessTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TasklistFixture fixture;
    @Autowired
    TaskService tasks;
    @Autowired
    DistrictClock clock;

    SchoolAtWork schoolA;
    SchoolAtWork schoolB;
    Task taskOfA;

    @BeforeEach
    void twoSchools() {
        schoolA = fixture.school();
        schoolB = fixture.school();
        taskOfA = fixture.scheduleTask(schoolA);
    }

    @Test
    void shouldLetTheCoordinatorOfTheSchoolSeeClaimAndCompleteItsTask() throws Exception {
        mvc.perform(get("/tasks/" + taskOfA.getId()).with(coordinator(schoolA.coordinator())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Schedule the alignment meeting")));
        mvc.perform(get("/tasks").param("view", "group").with(coordinator(schoolA.coordinator())))
                .andExpect(content().string(containsString("/tasks/" + taskOfA.getId())));

        mvc.perform(post("/tasks/" + taskOfA.getId() + "/claim").with(csrf()).with(coordinator(schoolA.coordinator())))
                .andExpect(status().is3xxRedirection());
        assertThat(assignee()).isEqualTo(schoolA.coordinator());

        complete(coordinator(schoolA.coordinator())).andExpect(status().is3xxRedirection());
        assertThat(tasks.createTaskQuery().taskId(taskOfA.getId()).count()).isZero();
    }

    @Test
    void shouldHideATaskOfSchoolAFromACoordinatorOfSchoolBByUrlAndByCraftedPost() throws Exception {
        UserRequestPostProcessor outsider = coordinator(schoolB.coordinator());

        mvc.perform(get("/tasks/" + taskOfA.getId()).with(outsider)).andExpect(status().isNotFound());
        for (String action : new String[] {"/claim", "/unclaim", "/handover", "/dates", "/comments", ""}) {
            mvc.perform(post("/tasks/" + taskOfA.getId() + action).with(csrf()).with(outsider)
                            .param("assignee", schoolB.coordinator()).param("due", "2030-01-01")
                            .param("body", "hello").param("alignmentMeetingDate", tomorrow()).param("startTime", "16:00").param("lengthMinutes", "60").param("place", "Library"))
                    .andExpect(status().isNotFound())
                    .andExpect(content().string(not(containsString("Schedule the alignment meeting"))));
        }
        mvc.perform(get("/tasks").param("view", "group").with(outsider))
                .andExpect(content().string(not(containsString(taskOfA.getId()))));

        assertThat(assignee()).isNull();
        assertThat(tasks.createTaskQuery().taskId(taskOfA.getId()).count()).isOne();
    }

    @Test
    void shouldHideAGroupsTaskFromSomeoneAtTheSchoolOutsideTheGroup() throws Exception {
        UserRequestPostProcessor teacher = user(schoolA.program().teacher()).roles("teachers");

        mvc.perform(get("/tasks/" + taskOfA.getId()).with(teacher)).andExpect(status().isNotFound());
        mvc.perform(post("/tasks/" + taskOfA.getId() + "/claim").with(csrf()).with(teacher))
                .andExpect(status().isNotFound());
        complete(teacher).andExpect(status().isNotFound());

        assertThat(assignee()).isNull();
    }

    @Test
    void shouldLetThePersonATaskIsAssignedToWorkOnItAtAnySchool() throws Exception {
        tasks.setAssignee(taskOfA.getId(), schoolB.coordinator());
        UserRequestPostProcessor assignee = coordinator(schoolB.coordinator());

        mvc.perform(get("/tasks").with(assignee)).andExpect(content().string(containsString(taskOfA.getId())));
        mvc.perform(get("/tasks/" + taskOfA.getId()).with(assignee)).andExpect(status().isOk());
        complete(assignee).andExpect(status().is3xxRedirection());

        assertThat(tasks.createTaskQuery().taskId(taskOfA.getId()).count()).isZero();
    }

    @Test
    void shouldLetAManagerReadEveryTaskOfTheDistrictButWorkOnNoneOfOthers() throws Exception {
        UserRequestPostProcessor manager = user(fixture.person("manager", Set.of(Role.MANAGER))).roles("managers");

        mvc.perform(get("/tasks/" + taskOfA.getId()).with(manager))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Schedule the alignment meeting")))
                .andExpect(content().string(not(containsString("Complete the task"))));
        // The shared test district holds every other test's tasks too: look at school A's, as a manager would.
        mvc.perform(get("/tasks").param("view", "district").param("school", String.valueOf(schoolA.school().id()))
                        .with(manager))
                .andExpect(content().string(containsString(taskOfA.getId())));

        mvc.perform(post("/tasks/" + taskOfA.getId() + "/claim").with(csrf()).with(manager))
                .andExpect(status().isNotFound());
        complete(manager).andExpect(status().isNotFound());
        assertThat(assignee()).isNull();
    }

    @Test
    void shouldHideTheTasksOfADistrictFromAManagerOfAnother() throws Exception {
        UserRequestPostProcessor manager = user(fixture.personElsewhere("manager", Set.of(Role.MANAGER)))
                .roles("managers");

        mvc.perform(get("/tasks/" + taskOfA.getId()).with(manager)).andExpect(status().isNotFound());
        mvc.perform(get("/tasks").param("view", "district").with(manager))
                .andExpect(content().string(not(containsString(taskOfA.getId()))));
    }

    @Test
    void shouldLetThePersonWhoCompletedATaskReadItBackAndNobodyOutside() throws Exception {
        complete(coordinator(schoolA.coordinator())).andExpect(status().is3xxRedirection());

        mvc.perform(get("/tasks/" + taskOfA.getId()).with(coordinator(schoolA.coordinator())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Completed by coordinator")));
        mvc.perform(get("/tasks/" + taskOfA.getId()).with(coordinator(schoolB.coordinator())))
                .andExpect(status().isNotFound());
    }

    @Test
    void shouldAnswerNotFoundForATaskThatDoesNotExist() throws Exception {
        for (String id : new String[] {"no-such-task", "1' or '1'='1", "x".repeat(300)}) {
            mvc.perform(get("/tasks/" + id).with(coordinator(schoolA.coordinator()))).andExpect(status().isNotFound());
            mvc.perform(post("/tasks/" + id + "/claim").with(csrf()).with(coordinator(schoolA.coordinator())))
                    .andExpect(status().isNotFound());
        }
    }

    @Test
    void shouldRefuseAPostWithoutACsrfToken() throws Exception {
        mvc.perform(post("/tasks/" + taskOfA.getId() + "/claim").with(coordinator(schoolA.coordinator())))
                .andExpect(status().isForbidden());
        mvc.perform(post("/tasks/" + taskOfA.getId()).with(coordinator(schoolA.coordinator()))
                        .param("alignmentMeetingDate", tomorrow()).param("startTime", "16:00").param("lengthMinutes", "60").param("place", "Library"))
                .andExpect(status().isForbidden());

        assertThat(assignee()).isNull();
    }

    @Test
    void shouldSendAnonymousVisitorsToSignIn() throws Exception {
        mvc.perform(get("/tasks/" + taskOfA.getId())).andExpect(status().is3xxRedirection());
        mvc.perform(get("/")).andExpect(status().is3xxRedirection());
    }

    private ResultActions complete(UserRequestPostProcessor who) throws Exception {
        MockHttpServletRequestBuilder request = post("/tasks/" + taskOfA.getId()).with(csrf()).with(who)
                .param("alignmentMeetingDate", tomorrow()).param("startTime", "16:00").param("lengthMinutes", "60").param("place", "Library");
        return mvc.perform(request);
    }

    private String assignee() {
        return tasks.createTaskQuery().taskId(taskOfA.getId()).singleResult().getAssignee();
    }

    private String tomorrow() {
        return clock.today().plusDays(1).toString();
    }

    static UserRequestPostProcessor coordinator(String username) {
        return user(username).roles("coordinators");
    }
}
