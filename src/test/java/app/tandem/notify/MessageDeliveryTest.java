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
    @Autowired
    OutboxSender sender;
    @Autowired
    OutboxMessages rows;

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
        deliveryRecord.failNextRecordsOf(id, 1);

        execute(sendJob(id));
        assertThat(received(id)).hasSize(1);
        assertThat(outbox.find(id).orElseThrow().status()).isEqualTo(OutboxStatus.SENT);
        assertThat(deliveryRecord.recordedOf(id)).as("the step after the send failed").isZero();

        execute(sendJob(id));
        assertThat(deliveryRecord.recordedOf(id)).as("tried again after the backoff, not before").isZero();
        later(Duration.ofMinutes(1));
        execute(sendJob(id));

        assertThat(deliveryRecord.recordedOf(id)).as("recorded once on its retry").isOne();
        assertThat(instanceOf(id)).as("no process instance for a message that went out").isNull();
        assertThat(received(id)).as("the retried step did not send again").hasSize(1);
        assertThat(outbox.find(id).orElseThrow().attempts()).isEqualTo(1);
    }

    @Test
    void shouldSendOnceAfterTheBackoffWhenTheServerDefersTwice() throws Exception {
        long id = enqueue("sam@example.org");
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
        assertThat(instanceOf(id)).as("no process instance for a message that went out").isNull();
    }

    @Test
    void shouldKeepTheMessageAndRaiseAnIncidentWhenTheServerStaysDownThenSendItOnceOnRetry() throws Exception {
        long id = enqueue("sam@example.org");
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
        ProcessInstance pi = instanceOf(id);
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

        execute(sendJob(id));
        ProcessInstance pi = instanceOf(id);

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
        standIn(ScriptedSmtpServer.Answer.ACCEPT_SLOWLY, 700);

        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<Object>> runs = new java.util.ArrayList<>();
            for (int dispatch = 0; dispatch < 2; dispatch++) {
                runs.add(threads.submit(() -> {
                    together.await(5, TimeUnit.SECONDS);
                    execute(sendJob(id));
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
    void shouldTellTheFeaturesAfterTheLeaseWhenTheSendingNodeDiedBeforeTellingThem() throws Exception {
        long id = enqueue("sam@example.org");
        String claim = "a node that dies#1";
        assertThat(rows.claimOne(id, claim, now(), now().plus(Duration.ofMinutes(5)))).hasSize(1);
        assertThat(rows.markSent(id, claim, "a node that dies", now(), "<dead@tandem.example>")).isTrue();

        assertThat(sender.sendIfDue(id)).as("the dead node's lease still holds").isNull();
        assertThat(deliveryRecord.recordedOf(id)).isZero();
        later(Duration.ofMinutes(5).plusSeconds(1));

        assertThat(sender.sendIfDue(id)).isEqualTo(MessageDispatch.Outcome.RECORDED);
        assertThat(deliveryRecord.recordedOf(id)).as("told once, by another node").isOne();
        assertThat(received(id)).as("a sent message is never mailed again").isEmpty();
        assertThat(sender.sendIfDue(id)).as("nothing left to do").isNull();
    }

    @Test
    void shouldKeepOneRowPerIdempotencyKey() {
        String key = "test:" + UUID.randomUUID();
        long first = outbox.enqueue(message(key, "sam@example.org"));
        long again = outbox.enqueue(message(key, "sam@example.org"));

        assertThat(again).isEqualTo(first);
        assertThat(rows.withKeyPrefix(key)).hasSize(1);
        assertThat(outbox.enqueueAll(List.of(message(key, "sam@example.org"), message(key, "sam@example.org"))))
                .as("in a batch too").containsExactly(first, first);
        assertThat(rows.withKeyPrefix(key)).hasSize(1);
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

    /** Where the message's sending stands: retries left and when it is tried next (a sent one: none). */
    private Pending sendJob(long id) {
        OutboxMessage message = outbox.find(id).orElseThrow();
        return outbox.pendingSend(message)
                .map(p -> new Pending(id, p.retriesLeft(), p.nextAttemptAt() == null ? null : Date.from(p.nextAttemptAt())))
                .orElse(new Pending(id, 0, null));
    }

    /** The message's sending: its retries left and when it is tried next, as the Outbox page shows them. */
    private record Pending(long id, int retries, Date duedate) {
        int getRetries() {
            return retries;
        }

        Date getDuedate() {
            return duedate;
        }
    }

    /** The message's deliver-message instance (only a message that failed for good has one); assertions re-read it. */
    private ProcessInstance instanceOf(long id) {
        String instanceId = outbox.find(id).orElseThrow().processInstanceId();
        return instanceId == null ? null
                : runtime.createProcessInstanceQuery().processInstanceId(instanceId).singleResult();
    }

    /** What the outbox's sender does with the row when it is due, on this thread. */
    private void execute(Pending send) {
        sender.sendIfDue(send.id());
    }

    private void failToSend(long id) {
        assertThat(sender.sendIfDue(id)).isIn(MessageDispatch.Outcome.WAITING, MessageDispatch.Outcome.STUCK);
        assertThat(outbox.find(id).orElseThrow().lastError()).doesNotContain("@");
    }

    private List<Incident> incidents(long id) {
        String instanceId = outbox.find(id).orElseThrow().processInstanceId();
        return instanceId == null ? List.of() : runtime.createIncidentQuery().processInstanceId(instanceId).list();
    }

    private List<MimeMessage> received(long id) throws MessagingException {
        return Arrays.stream(mailServer.receivedMessages()).filter(m -> {
            try {
                String[] header = m.getHeader(MessageDispatch.OUTBOX_HEADER);
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
