package app.tandem.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import app.tandem.TandemTest;
import app.tandem.directory.Role;
import app.tandem.directory.School;
import app.tandem.directory.StaffDirectory;
import app.tandem.directory.StaffMember;
import app.tandem.program.ProgramFixture;
import app.tandem.program.ProgramFixture.Program;

import jakarta.mail.internet.MimeMessage;

@TandemTest
class DailyDigestTest {

    private static final LocalDate TODAY = LocalDate.of(2027, 5, 3);

    @Autowired
    ProcessEngine engine;
    @Autowired
    ProgramFixture fixture;
    @Autowired
    StaffDirectory staff;
    @Autowired
    ManagementService management;
    @Autowired
    NotificationPreferences preferences;
    @Autowired
    Mailroom mailroom;

    @BeforeEach
    void setUp() {
        init(engine);
        fixture.today(TODAY);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void shouldListEachPersonsOverdueDueSoonAndOpenTasksOnceADay() throws Exception {
        fixture.today(TODAY.minusDays(30));
        Program overdue = fixture.start(TODAY.plusDays(10), TODAY.plusDays(90), "P2W");
        Program dueSoon = fixture.start(TODAY.plusDays(15), TODAY.plusDays(90), "P2W");
        Program open = fixture.start(TODAY.plusDays(40), TODAY.plusDays(120), "P2W");
        Program elsewhere = fixture.start(TODAY.plusDays(40), TODAY.plusDays(120), "P2W");
        fixture.today(TODAY);
        String n = UUID.randomUUID().toString().substring(0, 8);
        String coordinator = person("coord-" + n, "en", Role.COORDINATOR,
                List.of(overdue.school(), dueSoon.school(), open.school()));
        String quiet = person("quiet-" + n, "en", Role.COORDINATOR, List.of(open.school()));
        preferences.save(quiet, new TaskPreferences(Delivery.IMMEDIATE, Delivery.IMMEDIATE));
        String idle = person("idle-" + n, "es", Role.TEACHER, List.of(open.school()));

        runTheMorningTimer();
        List<OutboxMessage> digests = mailroom.queuedFor(coordinator, MessageKind.DAILY_DIGEST);
        assertThat(digests).hasSize(1);
        mailroom.deliver(digests);

        List<MimeMessage> received = mailroom.receivedBy(coordinator + "@example.org");
        assertThat(received).hasSize(1);
        assertThat(received.get(0).getSubject()).isEqualTo("Your Tandem tasks, Monday, May 3, 2027");
        String text = digests.get(0).bodyText();
        assertThat(text).containsSubsequence(
                "Overdue (1)", "Schedule the alignment meeting · " + overdue.school().name(),
                "Due soon (1)", "Schedule the alignment meeting · " + dueSoon.school().name(),
                "Open (1)", "Schedule the alignment meeting · " + open.school().name());
        assertThat(text).doesNotContain(elsewhere.school().name());
        assertThat(mailroom.queuedFor(quiet)).as("chose email at once, not the digest").isEmpty();
        assertThat(mailroom.queuedFor(idle)).as("no tasks, no digest").isEmpty();

        fixture.today(TODAY);
        runTheMorningTimer();
        assertThat(mailroom.queuedFor(coordinator, MessageKind.DAILY_DIGEST)).as("once a day").hasSize(1);
        assertThat(mailroom.receivedBy(coordinator + "@example.org")).hasSize(1);

        fixture.today(TODAY.plusDays(1));
        runTheMorningTimer();
        assertThat(mailroom.queuedFor(coordinator, MessageKind.DAILY_DIGEST)).as("and again the next day").hasSize(2);
    }

    private void runTheMorningTimer() {
        Job timer = management.createJobQuery().processDefinitionKey("daily-digest").timers().singleResult();
        management.executeJob(timer.getId());
    }

    private String person(String username, String language, Role role, List<School> schools) {
        staff.add(new StaffMember(username, schools.get(0).districtId(), "Person " + username,
                username + "@example.org", language), "secret", Set.of(role),
                schools.stream().map(School::id).toList());
        return username;
    }
}
