package app.tandem.family;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import app.tandem.notify.Mailroom;
import app.tandem.notify.Outbox;
import app.tandem.notify.OutboxMessage;
import app.tandem.program.ProgramFixture.Program;

import jakarta.mail.internet.MimeMessage;

/** Progress updates drafted, queued and mailed to one caregiver, for tests of what families do with them. */
@Component
@ConditionalOnProperty(name = "tandem.mail.embedded.enabled", havingValue = "true")
class FamilyMail {

    private final FamilyFixture families;
    private final FamilyMessages messages;
    private final TaskService tasks;
    private final Outbox outbox;
    private final Mailroom mailroom;

    FamilyMail(FamilyFixture families, FamilyMessages messages, TaskService tasks, Outbox outbox, Mailroom mailroom) {
        this.families = families;
        this.messages = messages;
        this.tasks = tasks;
        this.outbox = outbox;
        this.mailroom = mailroom;
    }

    /** Drafts the cycle's update; the caregiver's message is then queued (email) or waits for a person. */
    ProcessInstance draft(Program program, Student student, int cycle) {
        ProcessInstance pi = families.startUpdate(program, student, cycle);
        String task = tasks.createTaskQuery().processInstanceId(pi.getId())
                .taskDefinitionKey(CaregiverProcesses.DRAFT_UPDATE).singleResult().getId();
        tasks.complete(task, Variables.createVariables().putValue("subject", "reading")
                .putValue("standing", "approaching").putValue("atHome", "read-together")
                .putValue("win", "great-questions").putValue("sessionsAttended", 7).putValue("teacherReview", false));
        return pi;
    }

    FamilyMessage messageOf(Program program, Caregiver caregiver, int cycle) {
        return messages.ofTerm(program.term().id()).stream()
                .filter(m -> m.caregiverId() == caregiver.id() && Integer.valueOf(cycle).equals(m.cycleNo()))
                .findFirst().orElseThrow();
    }

    OutboxMessage queued(Program program, Caregiver caregiver, int cycle) {
        return outbox.find(messageOf(program, caregiver, cycle).outboxMessageId()).orElseThrow();
    }

    /** Drafts the update, sends its mail as the job executor would, and returns the mail as the family got it. */
    MimeMessage mailed(Program program, Student student, Caregiver caregiver, int cycle) {
        draft(program, student, cycle);
        OutboxMessage message = queued(program, caregiver, cycle);
        mailroom.deliver(message);
        return mailroom.receivedBy(caregiver.email()).stream()
                .filter(mail -> header(mail, "X-Tandem-Outbox-Id").equals(String.valueOf(message.id())))
                .findFirst().orElseThrow();
    }

    static String header(MimeMessage mail, String name) {
        try {
            return mail.getHeader(name, ", ");
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
