package app.tandem.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.tandem.TandemTest;
import app.tandem.directory.Role;
import app.tandem.directory.StaffDirectory;
import app.tandem.directory.StaffMember;
import app.tandem.program.ProgramFixture;
import app.tandem.program.ProgramFixture.Program;
import app.tandem.system.InvalidInputException;

/**
 * A task completed in Camunda's own Tasklist or through the REST API passes the same form checks as on Tandem's
 * page, is refused with the field's message, and leaves the same submission record for Tandem to read back.
 */
@TandemTest
class EveryDoorTest {

    private static final LocalDate TODAY = LocalDate.of(2027, 1, 4);
    private static final String SCHEDULE = "scheduleAlignmentMeeting";

    @Autowired
    ProgramFixture fixture;
    @Autowired
    TaskService tasks;
    @Autowired
    IdentityService identity;
    @Autowired
    StaffDirectory staff;
    @Autowired
    TaskSubmissions submissions;
    @LocalServerPort
    int port;

    @BeforeEach
    void today() {
        fixture.today(TODAY);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void shouldRefuseAnIncompleteSubmissionFromCamundasTasklistWithTheFieldsMessage() {
        Program program = fixture.start(TODAY.plusDays(28), TODAY.plusDays(111), "P2W");
        Task task = schedulingTask(program);

        assertThatThrownBy(() -> tasks.complete(task.getId(), Map.of("invitees", "[]")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Meeting date: is required.");
        assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).as("the task stays open").isOne();
    }

    @Test
    void shouldKeepWhatCamundasTasklistSubmittedForTandemToReadBack() {
        Program program = fixture.start(TODAY.plusDays(28), TODAY.plusDays(111), "P2W");
        Task task = schedulingTask(program);
        identity.setAuthenticatedUserId(program.leader());
        try {
            tasks.complete(task.getId(), Map.of("alignmentMeetingDate", TODAY.plusDays(7).toString(), "startTime", "16:00", "lengthMinutes", 60, "place", "Library",
                    "invitees", "[\"" + program.teacher() + "\"]"));
        } finally {
            identity.clearAuthentication();
        }

        assertThat(submissions.valuesOf(task.getId())).hasValueSatisfying(values -> assertThat(values)
                .containsEntry("alignmentMeetingDate", TODAY.plusDays(7).toString())
                .containsEntry("invitees", List.of(program.teacher())));
    }

    @Test
    void shouldAnswerTheRestApiWithA400AndTheFieldsMessage() throws Exception {
        Program program = fixture.start(TODAY.plusDays(28), TODAY.plusDays(111), "P2W");
        Task task = schedulingTask(program);
        String operator = "door-op-" + program.school().code();
        staff.add(new StaffMember(operator, program.school().districtId(), "Door Operator", operator + "@example.org",
                "en"), "door-secret", Set.of(Role.OPERATOR), List.of());

        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/engine-rest/task/" + task.getId() + "/complete"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (operator + ":door-secret").getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"variables\":{}}"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Meeting date: is required.");
        assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isOne();
    }

    private Task schedulingTask(Program program) {
        return tasks.createTaskQuery().processInstanceId(program.processInstanceId()).taskDefinitionKey(SCHEDULE)
                .singleResult();
    }
}
