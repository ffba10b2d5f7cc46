package app.tandem.family;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import app.tandem.directory.Schools;
import app.tandem.family.AnswerFamily.Var;
import app.tandem.notify.MailComposer;
import app.tandem.notify.MessageKind;
import app.tandem.notify.Outbox;
import app.tandem.notify.Recipient;
import app.tandem.system.ProcessVariables;

/**
 * Mails the liaison's answer to the caregiver through the outbox (one row per reply, so a retried step never
 * sends twice), quoting what they wrote. It is logged as a disclosure when the outbox reports it out.
 */
@Component("sendFamilyAnswer")
class SendFamilyAnswer implements JavaDelegate {

    private final FamilyReplies replies;
    private final Families families;
    private final Schools schools;
    private final MailComposer composer;
    private final Outbox outbox;

    SendFamilyAnswer(FamilyReplies replies, Families families, Schools schools, MailComposer composer, Outbox outbox) {
        this.replies = replies;
        this.families = families;
        this.schools = schools;
        this.composer = composer;
        this.outbox = outbox;
    }

    @Override
    public void execute(DelegateExecution execution) {
        FamilyReply reply = replies.find(ProcessVariables.id(execution, Var.REPLY_ID)).orElseThrow();
        Caregiver caregiver = families.caregiver(reply.caregiverId()).orElseThrow();
        String school = reply.schoolId() != null ? schools.byId(reply.schoolId()).orElseThrow().name()
                : schools.districtById(caregiver.districtId()).orElseThrow().name();
        String address = ContactDetails.isEmail(caregiver.email()) ? caregiver.email() : reply.fromAddress();
        Map<String, Object> model = Map.of("letter", Map.of("school", school, "answer", reply.answerText(),
                "theirs", reply.text(), "direction", FamilyLanguages.direction(reply.language()), "contacts", List.of()));
        long outboxId = outbox.enqueue(composer.compose(AnswerFamily.idempotencyKey(reply.id()),
                MessageKind.FAMILY_ANSWER, new Recipient(null, caregiver.fullName(), address, reply.language()),
                new Object[] {reply.subject().replaceFirst("(?i)^((re|aw|sv|rv|fw|fwd)\\s*:\\s*)+", "")}, model, null));
        replies.recordAnswerQueued(reply.id(), outboxId);
    }
}
