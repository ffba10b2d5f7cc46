package app.tandem.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import app.tandem.TandemTest;
import app.tandem.directory.Role;
import app.tandem.directory.School;
import app.tandem.directory.StaffDirectory;
import app.tandem.directory.StaffMember;
import app.tandem.program.ProgramFixture;
import app.tandem.program.SchoolProgram;

import jakarta.mail.internet.MimeMessage;

@TandemTest
class TaskNotificationTest {

    private static final LocalDate TODAY = LocalDate.of(2027, 8, 2);

    @Autowired
    ProcessEngine engine;
    @Autowired
    ProgramFixture fixture;
    @Autowired
    StaffDirectory staff;
    @Autowired
    TaskService tasks;
    @Autowired
    IdentityService identity;
    @Autowired
    NotificationPreferences preferences;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    Mailroom mailroom;

    private School school;
    private String eager;
    private String patient;
    private String spanish;

    @BeforeEach
    void threeCoordinators() {
        init(engine);
        fixture.today(TODAY);
        school = fixture.newSchool();
        String n = UUID.randomUUID().toString().substring(0, 8);
        eager = coordinator("eager-" + n, "en");
        patient = coordinator("patient-" + n, "en");
        spanish = coordinator("spanish-" + n, "es");
        preferences.save(eager, new TaskPreferences(Delivery.IMMEDIATE, Delivery.IMMEDIATE));
        preferences.save(spanish, new TaskPreferences(Delivery.IMMEDIATE, Delivery.IMMEDIATE));
    }

    @AfterEach
    void resetClock() {
        identity.clearAuthentication();
        ClockUtil.reset();
    }

    @Test
    void shouldTellThoseWhoAskedAtOnceOfATaskOfferedToTheirGroup() throws Exception {
        Task task = scheduleTaskOfANewProgram();

        List<OutboxMessage> offered = mailroom.queuedFor(eager, MessageKind.TASK_OFFERED);
        assertThat(offered).hasSize(1);
        assertThat(offered.get(0).subject()).isEqualTo("New task for your group: Schedule the alignment meeting");
        assertThat(offered.get(0).bodyText()).contains("School: " + school.name())
                .contains("/tasks/" + task.getId())
                .doesNotContain("/camunda");
        assertThat(mailroom.queuedFor(spanish, MessageKind.TASK_OFFERED)).extracting(OutboxMessage::subject)
                .containsExactly("Nueva tarea para su grupo: Programar la reunión de alineación");
        assertThat(mailroom.queuedFor(patient)).as("chose the digest for offered tasks").isEmpty();

        mailroom.deliver(offered);
        MimeMessage received = mailroom.receivedBy(eager + "@example.org").get(0);
        assertThat(received.getSubject()).isEqualTo("New task for your group: Schedule the alignment meeting");
    }

    @Test
    void shouldTellTheAssigneeUnlessTheyTookItThemselves() {
        Task task = scheduleTaskOfANewProgram();

        identity.setAuthenticatedUserId(eager);
        tasks.claim(task.getId(), eager);
        assertThat(mailroom.queuedFor(eager, MessageKind.TASK_ASSIGNED)).as("took it themselves").isEmpty();

        tasks.setAssignee(task.getId(), patient);
        assertThat(mailroom.queuedFor(patient, MessageKind.TASK_ASSIGNED)).extracting(OutboxMessage::subject)
                .containsExactly("Assigned to you: Schedule the alignment meeting");

        tasks.setAssignee(task.getId(), spanish);
        List<OutboxMessage> asignada = mailroom.queuedFor(spanish, MessageKind.TASK_ASSIGNED);
        assertThat(asignada).extracting(OutboxMessage::subject)
                .containsExactly("Asignada a usted: Programar la reunión de alineación");
        assertThat(asignada.get(0).bodyText()).contains("Programar la reunión de alineación")
                .doesNotContain("Schedule the alignment meeting");
    }

    @Test
    void shouldTellNobodyWhenTheAssignmentIsRolledBack() {
        Task task = scheduleTaskOfANewProgram();

        transaction.executeWithoutResult(status -> {
            tasks.setAssignee(task.getId(), patient);
            status.setRollbackOnly();
        });

        assertThat(tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isNull();
        assertThat(mailroom.queuedFor(patient, MessageKind.TASK_ASSIGNED)).isEmpty();
    }

    @Test
    void shouldTellNobodyWhoChoseNever() {
        preferences.save(patient, new TaskPreferences(Delivery.NEVER, Delivery.NEVER));
        Task task = scheduleTaskOfANewProgram();

        tasks.setAssignee(task.getId(), patient);

        assertThat(mailroom.queuedFor(patient)).isEmpty();
    }

    private Task scheduleTaskOfANewProgram() {
        String pi = fixture.startAt(school, TODAY.plusDays(30), TODAY.plusDays(100));
        return tasks.createTaskQuery().processInstanceId(pi)
                .taskDefinitionKey(SchoolProgram.SCHEDULE_ALIGNMENT_MEETING).singleResult();
    }

    private String coordinator(String username, String language) {
        staff.add(new StaffMember(username, school.districtId(), "Coordinator " + username, username + "@example.org",
                language), "secret", Set.of(Role.COORDINATOR), List.of(school.id()));
        return username;
    }
}
