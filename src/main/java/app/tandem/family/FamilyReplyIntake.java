package app.tandem.family;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import app.tandem.directory.District;
import app.tandem.directory.Schools;
import app.tandem.family.AnswerFamily.Var;
import app.tandem.notify.MailReceived;
import app.tandem.system.ProcessVariables;

/**
 * A mail from the replies mailbox becomes a family reply and an answer-family process. It is placed by the
 * message it answers (a program message or an earlier answer) when the caregiver it went to wrote back, else by a
 * caregiver on record with the sender's address. A stranger writing to a family's reply address goes to the
 * liaisons of that school; a sender Tandem cannot place at all goes to the liaisons of the district. Never dropped.
 */
@Component
class FamilyReplyIntake {

    private final FamilyMessages messages;
    private final FamilyReplies replies;
    private final Families families;
    private final Schools schools;
    private final RuntimeService runtime;

    FamilyReplyIntake(FamilyMessages messages, FamilyReplies replies, Families families, Schools schools,
                      RuntimeService runtime) {
        this.messages = messages;
        this.replies = replies;
        this.families = families;
        this.schools = schools;
        this.runtime = runtime;
    }

    @EventListener
    void onMailReceived(MailReceived mail) {
        Optional<Place> answered = byMessage(mail.idempotencyKey());
        Place place = answered.filter(p -> sentBy(p, mail.fromAddress()))
                .or(() -> byAddress(mail.fromAddress()))
                .or(() -> answered.map(Place::schoolOnly))
                .orElseGet(this::unknown);
        String subject = mail.subject().length() > 300 ? mail.subject().substring(0, 300) : mail.subject();
        long id = replies.add(new FamilyReply(0, place.districtId(), place.schoolId(), place.caregiverId(),
                place.studentId(), place.familyMessageId(), place.answeredReplyId(), place.language(),
                mail.fromAddress(), mail.fromName(), subject, mail.text(), mail.receivedAt(), null, null, null, null,
                null));
        VariableMap variables = Variables.createVariables()
                .putValue(Var.REPLY_ID, id)
                .putValue(Var.SENDER_KNOWN, place.caregiverId() != null);
        if (place.schoolId() != null) {
            variables.putValue(ProcessVariables.SCHOOL_ID, place.schoolId());
        } else if (place.districtId() != null) {
            variables.putValue(ProcessVariables.DISTRICT_ID, place.districtId());
        }
        String pi = runtime.startProcessInstanceByKey(AnswerFamily.PROCESS_KEY, "reply-" + id, variables).getId();
        replies.recordProcessInstance(id, pi);
    }

    private Optional<Place> byMessage(String idempotencyKey) {
        Optional<Place> program = FamilyLetters.familyMessageIdOf(idempotencyKey).flatMap(messages::find)
                .map(message -> place(message.caregiverId(), message.schoolId(), message.studentId(), message.id(), null));
        if (program.isPresent()) {
            return program;
        }
        return AnswerFamily.replyIdOf(idempotencyKey).flatMap(replies::find).filter(FamilyReply::known)
                .map(reply -> place(reply.caregiverId(), reply.schoolId(), reply.studentId(), reply.familyMessageId(),
                        reply.id()));
    }

    /**
     * Whether the caregiver the answered message went to wrote back: a reply address can be forwarded, and nothing
     * about the student goes to someone Tandem does not know.
     */
    private boolean sentBy(Place place, String address) {
        return address != null && families.caregiver(place.caregiverId())
                .map(caregiver -> caregiver.email() != null && caregiver.email().strip().equalsIgnoreCase(address.strip()))
                .orElse(false);
    }

    /** A caregiver on record with the sender's address, at the school of their children when they share one. */
    private Optional<Place> byAddress(String address) {
        if (address == null) {
            return Optional.empty();
        }
        return families.caregiversByEmail(address.strip().toLowerCase(Locale.ROOT)).stream().findFirst()
                .map(caregiver -> {
                    List<Long> schoolIds = families.schoolsOfChildren(caregiver.id());
                    return place(caregiver.id(), schoolIds.size() == 1 ? schoolIds.get(0) : null, null, null, null);
                });
    }

    private Place place(long caregiverId, Long schoolId, Long studentId, Long familyMessageId, Long answeredReplyId) {
        Caregiver caregiver = families.caregiver(caregiverId).orElseThrow();
        Long student = studentId;
        if (student == null && schoolId != null) {
            List<CaregiverLink> children = families.childrenAtSchool(caregiverId, schoolId);
            student = children.size() == 1 ? children.get(0).student().id() : null;
        }
        return new Place(caregiver.districtId(), schoolId, caregiverId, student, familyMessageId, answeredReplyId,
                caregiver.preferredLanguage());
    }

    /** Nobody Tandem knows: the district's liaisons sort it out (the first district when there are several). */
    private Place unknown() {
        Long district = schools.districts().stream().map(District::id).sorted().findFirst().orElse(null);
        return new Place(district, null, null, null, null, null, FamilyLanguages.ENGLISH);
    }

    private record Place(Long districtId, Long schoolId, Long caregiverId, Long studentId, Long familyMessageId,
                         Long answeredReplyId, String language) {

        /** Someone unknown wrote to a family's reply address: the school's liaisons sort it out. */
        Place schoolOnly() {
            return new Place(districtId, schoolId, null, null, null, null, FamilyLanguages.ENGLISH);
        }
    }
}
