package app.tandem.family;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Service;

import app.tandem.notify.Outbox;
import app.tandem.system.DistrictClock;

/**
 * A message reached a caregiver (the mail server took it, the call was made, the note went home):
 * the message is marked delivered and each student it was about goes into the disclosure log.
 */
@Service
class FamilyDeliveries {

    private final FamilyMessages messages;
    private final Families families;
    private final DisclosureLog log;
    private final DistrictClock clock;
    private final FamilyReplies replies;
    private final FamilyLetters letters;
    private final Outbox outbox;

    FamilyDeliveries(FamilyMessages messages, Families families, DisclosureLog log, DistrictClock clock,
                     FamilyReplies replies, FamilyLetters letters, Outbox outbox) {
        this.replies = replies;
        this.letters = letters;
        this.outbox = outbox;
        this.messages = messages;
        this.families = families;
        this.log = log;
        this.clock = clock;
    }

    void delivered(long familyMessageId, Channel channel, String language, Instant at, LocalDate on, String recordedBy) {
        FamilyMessage message = messages.find(familyMessageId).orElseThrow();
        if (!messages.markDelivered(familyMessageId, channel, language, at, on, recordedBy)) {
            return;
        }
        DisclosureLog.Copy copy = copyOf(message, channel);
        for (long studentId : studentsIn(message, on)) {
            log.record(message, studentId, channel, language, at, recordedBy, copy);
        }
    }

    void delivered(long familyMessageId, Channel channel, String language, Instant at, String recordedBy) {
        delivered(familyMessageId, channel, language, at, clock.dayOf(java.util.Date.from(at)), recordedBy);
    }

    /** A liaison's answer reached the family: a disclosure about the student, or each child at the school. */
    void answered(long replyId, Instant at) {
        FamilyReply reply = replies.find(replyId).orElseThrow();
        List<Long> students = reply.studentId() != null ? List.of(reply.studentId())
                : reply.schoolId() == null ? List.of()
                : families.childrenToTellAbout(reply.caregiverId(), reply.schoolId(), clock.dayOf(java.util.Date.from(at)))
                        .stream().map(link -> link.student().id()).toList();
        Outbox.MailedText mailed = outbox.mailedText(reply.answerOutboxId()).orElseThrow();
        DisclosureLog.Copy copy = DisclosureLog.Copy.of(mailed.subject(), mailed.text());
        for (long studentId : students) {
            log.recordAnswer(reply, studentId, at, copy);
        }
    }

    /** An email as the outbox mailed it; a call's script or a note as it reads now, when it is made or sent. */
    private DisclosureLog.Copy copyOf(FamilyMessage message, Channel channel) {
        if (channel == Channel.EMAIL && message.outboxMessageId() != null) {
            return outbox.mailedText(message.outboxMessageId())
                    .map(mailed -> DisclosureLog.Copy.of(mailed.subject(), mailed.text()))
                    .orElseThrow(() -> new IllegalStateException("Family message " + message.id() + " was not mailed"));
        }
        FamilyLetters.Letter letter = letters.compose(message.id());
        return DisclosureLog.Copy.of(letter.message().subject(), letter.message().text());
    }

    private List<Long> studentsIn(FamilyMessage message, LocalDate on) {
        if (message.studentId() != null) {
            return List.of(message.studentId());
        }
        return families.childrenToTellAbout(message.caregiverId(), message.schoolId(), on).stream()
                .map(link -> link.student().id())
                .toList();
    }
}
