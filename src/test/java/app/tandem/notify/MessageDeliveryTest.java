package app.tandem.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import app.tandem.TandemTest;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

@TandemTest
class MessageDeliveryTest {

    private static final Instant NOW = Instant.parse("2027-03-01T15:00:00Z");

    @Autowired
    ProcessEngine engine;
    @Autowired
    Outbox outbox;
    @Autowired
    EmbeddedMailServer mailServer;
    @Autowired
    ManagementService management;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    FlakyDeliveryRecord deliveryRecord;
    @Autowired
    app.tandem.program.ProgramFixture programs;
    @Autowired
    app.tandem.directory.StaffDirectory staff;

    private ScriptedSmtpServer scripted;

    @BeforeEach
    void setUp() {
        init(engine);
        ClockUtil.setCurrentTime(Date.from(NOW));
        mailServer.clear();
    }

    @AfterEach
    void restore() throws Exception {
        if (scripted != null) {
            scripted.close();
            scripted = null;
        }
        mailServer.start();
        ClockUtil.reset();
    }

    @Test
    void shouldSendExactlyOneEmailWhenTheStepAfterTheSendFailsOnce() throws Exception {
        long id = enqueue("sam@example.org");
        ProcessInstance pi = instanceOf(id);
        deliveryRecord.failNextRecordsOf(id, 1);

        execute(sendJob(id));
        assertThat(received(id)).hasSize(1);
        assertThat(outbox.find(id).orElseThrow().status()).isEqualTo(OutboxStatus.SENT);

        Job afterSend = sendJob(id);
        assertThatThrownBy(() -> management.executeJob(afterSend.getId()))
                .hasMessageContaining("Recording the delivery of outbox message " + id + " failed");
        later(Duration.ofMinutes(1));
        execute(sendJob(id));

        assertThat(pi).isEnded().hasPassed(DeliverMessage.RECORD_DELIVERY, DeliverMessage.MESSAGE_DELIVERED);
        assertThat(received(id)).as("the retried step did not send again").hasSize(1);
        assertThat(outbox.find(id).orElseThrow().attempts()).isEqualTo(1);
    }

    @Test
    void shouldSendOnceAfterTheBackoffWhenTheServerDefersTwice() throws Exception {
        long id = enqueue("sam@example.org");
        ProcessInstance pi = instanceOf(id);
        standIn(ScriptedSmtpServer.Answer.DEFER_DATA, 0);

        failToSend(id);
        OutboxMessage deferred = outbox.find(id).orElseThrow();
        assertThat(deferred.status()).isEqualTo(OutboxStatus.RETRYING);
        assertThat(deferred.attempts()).isEqualTo(1);
        assertThat(deferred.lastError()).startsWith("SMTP 451");
        assertThat(sendJob(id).getDuedate()).as("first backoff").isEqualTo(Date.from(now().plus(Duration.ofMinutes(1))));

        later(Duration.ofMinutes(1));
        failToSend(id);
        assertThat(sendJob(id).getDuedate()).as("second backoff").isEqualTo(Date.from(now().plus(Duration.ofMinutes(5))));

        scripted.close();
        scripted = null;
        mailServer.start();
        later(Duration.ofMinutes(5));
        execute(sendJob(id));
        execute(sendJob(id));

        assertThat(received(id)).hasSize(1);
        assertThat(outbox.find(id).orElseThrow()).extracting(OutboxMessage::status, OutboxMessage::attempts)
                .containsExactly(OutboxStatus.SENT, 3);
        assertThat(incidents(id)).isEmpty();
        assertThat(pi).isEnded();
    }

    @Test
    void shouldKeepTheMessageAndRaiseAnIncidentWhenTheServerStaysDownThenSendItOnceOnRetry() throws Exception {
        long id = enqueue("sam@example.org");
        ProcessInstance pi = instanceOf(id);
        mailServer.stop();

        int attempts = 0;
        while (sendJob(id).getRetries() > 0 && attempts < 20) {
            failToSend(id);
            attempts++;
            if (sendJob(id).getDuedate() != null) {
                ClockUtil.setCurrentTime(sendJob(id).getDuedate());
            }
        }

        assertThat(attempts).as("one try and a retry per interval of PT1M,PT5M,PT15M,PT1H,PT4H").isEqualTo(6);
        List<Incident> incidents = incidents(id);
        assertThat(incidents).hasSize(1);
        assertThat(incidents.get(0).getIncidentMessage()).contains("Outbox message " + id + " not sent yet")
                .doesNotContain("sam@example.org");
        OutboxMessage stuck = outbox.find(id).orElseThrow();
        assertThat(stuck.status()).as("nothing lost").isEqualTo(OutboxStatus.RETRYING);
        assertThat(stuck.attempts()).isEqualTo(6);
        assertThat(outbox.search(null, null, null, true, 100)).extracting(OutboxMessage::id).contains(id);

        mailServer.start();
        assertThat(outbox.retryNow(id)).isTrue();
        execute(sendJob(id));
        execute(sendJob(id));

        assertThat(received(id)).hasSize(1);
        assertThat(incidents(id)).isEmpty();
        assertThat(pi).isEnded();
        assertThat(outbox.retryNow(id)).as("a sent message is not retried").isFalse();
    }

    @Test
    void shouldNotRetryAPermanentRefusalButAskTheManagersToFixAContactOfNoSchool() throws Exception {
        long id = enqueue("gone@example.org");
        standIn(ScriptedSmtpServer.Answer.REFUSE_RECIPIENT, 0);

        execute(sendJob(id));

        ProcessInstance pi = instanceOf(id);
        assertThat(pi).hasPassed(DeliverMessage.MESSAGE_REFUSED).isWaitingAt(DeliverMessage.FIX_CONTACT_DETAILS);
        assertThat(management.createJobQuery().processInstanceId(pi.getId()).count()).as("no retry").isZero();
        Task fix = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();
        assertThat(fix).as("a recipient of no school: no liaison would see it, the managers do")
                .hasCandidateGroup("managers").hasName("Fix the contact details");
        OutboxMessage refused = outbox.find(id).orElseThrow();
        assertThat(refused.status()).isEqualTo(OutboxStatus.REFUSED);
        assertThat(refused.lastError()).startsWith("SMTP 550").contains("User unknown")
                .doesNotContain("gone@example.org");

        scripted.close();
        scripted = null;
        mailServer.start();
        tasks.complete(fix.getId(), Variables.createVariables().putValue("correctedAddress", "found@example.org"));
        assertThat(runtime.getVariables(pi.getId())).doesNotContainKey("correctedAddress");
        execute(sendJob(id));
        execute(sendJob(id));

        assertThat(received(id)).extracting(m -> m.getAllRecipients()[0].toString())
                .containsExactly("Sam Sender <found@example.org>");
        assertThat(pi).isEnded();
    }

    @Test
    void shouldOfferTheFixOfADistrictOfficeAddressToTheDistrictsManagersAcrossTheDistrict() throws Exception {
        app.tandem.directory.School school = programs.newSchool();
        String officer = "office-" + school.code();
        staff.add(new app.tandem.directory.StaffMember(officer, school.districtId(), "Owen Office",
                officer + "@example.org", "en"), "secret", java.util.Set.of(app.tandem.directory.Role.COORDINATOR),
                List.of());
        long id = outbox.enqueue(new OutgoingMessage("test:" + UUID.randomUUID(), MessageKind.REMINDER,
                new Recipient(officer, "Owen Office", "gone@example.org", "en"), "A reminder", "Plain text",
                "<p>HTML</p>", null));
        standIn(ScriptedSmtpServer.Answer.REFUSE_RECIPIENT, 0);

        execute(sendJob(id));

        ProcessInstance pi = instanceOf(id);
        Task fix = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();
        assertThat(fix).as("no school, so no liaison: the district's managers").hasCandidateGroup("managers");
        assertThat(runtime.getVariable(pi.getId(), app.tandem.system.ProcessVariables.DISTRICT_ID))
                .as("offered across the officer's district, so it shows in the managers' task list")
                .isEqualTo(school.districtId());
    }

    @Test
    void shouldRefuseACorrectedAddressThatIsNotAnEmailAddress() throws Exception {
        long id = enqueue("not an address");
        ProcessInstance pi = instanceOf(id);

        execute(sendJob(id));

        Task fix = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();
        assertThat(outbox.find(id).orElseThrow().lastError()).isEqualTo("The address is not a valid email address.");
        assertThatThrownBy(() -> tasks.complete(fix.getId(),
                Variables.createVariables().putValue("correctedAddress", "still wrong")))
                .hasMessageContaining("Corrected email address: 'still wrong' is not a valid email address.");
        tasks.complete(fix.getId(), Variables.createVariables().putValue("sendAgain", false));
        assertThat(pi).isEnded().hasPassed(DeliverMessage.MESSAGE_DROPPED);
        assertThat(outbox.find(id).orElseThrow().status()).isEqualTo(OutboxStatus.DROPPED);
    }

    @Test
    void shouldSendOneEmailWhenTheSameRowIsDispatchedTwiceAtOnce() throws Exception {
        long id = enqueue("sam@example.org");
        String second = runtime.startProcessInstanceByKey(DeliverMessage.PROCESS_KEY,
                Variables.createVariables().putValue(DeliverMessage.OUTBOX_MESSAGE_ID, id)).getId();
        standIn(ScriptedSmtpServer.Answer.ACCEPT_SLOWLY, 700);
        List<String> jobs = List.of(sendJob(id).getId(),
                management.createJobQuery().processInstanceId(second).singleResult().getId());

        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<Object>> runs = new java.util.ArrayList<>();
            for (String job : jobs) {
                runs.add(threads.submit(() -> {
                    together.await(5, TimeUnit.SECONDS);
                    management.executeJob(job);
                    return null;
                }));
            }
            for (Future<Object> run : runs) {
                run.get(30, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(scripted.accepted()).hasSize(1);
        assertThat(outbox.find(id).orElseThrow()).extracting(OutboxMessage::status, OutboxMessage::attempts)
                .containsExactly(OutboxStatus.SENT, 1);
    }

    @Test
    void shouldKeepOneRowPerIdempotencyKey() {
        String key = "test:" + UUID.randomUUID();
        long first = outbox.enqueue(message(key, "sam@example.org"));
        long again = outbox.enqueue(message(key, "sam@example.org"));

        assertThat(again).isEqualTo(first);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("outbox-" + first).count()).isOne();
    }

    private long enqueue(String address) {
        return outbox.enqueue(message("test:" + UUID.randomUUID(), address));
    }

    private static OutgoingMessage message(String key, String address) {
        return new OutgoingMessage(key, MessageKind.REMINDER, new Recipient(null, "Sam Sender", address, "en"),
                "A reminder", "Plain text", "<p>HTML</p>", null);
    }

    private void standIn(ScriptedSmtpServer.Answer answer, long holdMillis) throws Exception {
        mailServer.stop();
        scripted = new ScriptedSmtpServer(mailServer.port(), answer, holdMillis);
    }

    private Job sendJob(long id) {
        return management.createJobQuery().processInstanceId(outbox.find(id).orElseThrow().processInstanceId())
                .singleResult();
    }

    /** The message's deliver-message instance, taken while it runs; assertions re-read it. */
    private ProcessInstance instanceOf(long id) {
        return runtime.createProcessInstanceQuery()
                .processInstanceId(outbox.find(id).orElseThrow().processInstanceId()).singleResult();
    }

    private void execute(Job job) {
        management.executeJob(job.getId());
    }

    private void failToSend(long id) {
        Job job = sendJob(id);
        assertThatThrownBy(() -> management.executeJob(job.getId()))
                .hasMessageContaining("Outbox message " + id + " not sent yet");
    }

    private List<Incident> incidents(long id) {
        return runtime.createIncidentQuery().processInstanceId(outbox.find(id).orElseThrow().processInstanceId()).list();
    }

    private List<MimeMessage> received(long id) throws MessagingException {
        return Arrays.stream(mailServer.receivedMessages()).filter(m -> {
            try {
                String[] header = m.getHeader(SendMessage.OUTBOX_HEADER);
                return header != null && header[0].equals(String.valueOf(id));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    private static void later(Duration duration) {
        ClockUtil.setCurrentTime(Date.from(now().plus(duration)));
    }
}
