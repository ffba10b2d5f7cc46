package app.tandem.family;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import app.tandem.notify.Outbox;
import app.tandem.system.Messages;
import app.tandem.tasklist.TaskRecord;
import app.tandem.tasklist.TaskThread;

/** The thread beside an answer-family task: our message the family answered, then their mails and our answers. */
@Component
class ReplyThread implements TaskThread {

    private final FamilyReplies replies;
    private final FamilyMessages messages;
    private final Families families;
    private final Outbox outbox;
    private final Messages text;

    ReplyThread(FamilyReplies replies, FamilyMessages messages, Families families, Outbox outbox, Messages text) {
        this.replies = replies;
        this.messages = messages;
        this.families = families;
        this.outbox = outbox;
        this.text = text;
    }

    @Override
    public List<Entry> of(TaskRecord task) {
        if (!AnswerFamily.PROCESS_KEY.equals(task.processKey())) {
            return List.of();
        }
        Optional<FamilyReply> reply = replies.ofProcess(task.processInstanceId());
        if (reply.isEmpty()) {
            return List.of();
        }
        List<FamilyReply> thread = replies.thread(reply.get());
        List<Entry> entries = new ArrayList<>();
        thread.stream().map(FamilyReply::familyMessageId).filter(java.util.Objects::nonNull).findFirst()
                .flatMap(messages::find)
                .filter(message -> message.outboxMessageId() != null)
                .ifPresent(message -> outbox.find(message.outboxMessageId()).ifPresent(sent -> outbox
                        .mailedText(sent.id()).ifPresent(mailed -> entries.add(new Entry(
                                text.text("family.thread.ourMessage"), sent.sentAt(), mailed.subject(),
                                mailed.text())))));
        for (FamilyReply each : thread) {
            String from = each.caregiverId() == null
                    ? text.text("family.thread.fromUnknown", each.fromAddress())
                    : text.text("family.thread.fromFamily",
                            families.caregiver(each.caregiverId()).map(Caregiver::fullName).orElse(each.fromAddress()));
            entries.add(new Entry(from, each.receivedAt(), each.subject(), each.text()));
            if (each.answerText() != null && each.id() != reply.get().id()) {
                entries.add(new Entry(text.text("family.thread.answer", each.answeredBy()), each.answeredAt(),
                        "", each.answerText()));
            }
        }
        return entries;
    }
}
