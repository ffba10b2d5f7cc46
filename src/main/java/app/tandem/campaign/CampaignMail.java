package app.tandem.campaign;

import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import app.tandem.directory.StaffDirectory;
import app.tandem.directory.StaffMember;
import app.tandem.notify.DirectMail;
import app.tandem.notify.MessageKind;
import app.tandem.notify.Recipient;
import app.tandem.system.DistrictClock;
import app.tandem.system.TandemProperties;

/** The campaign's own messages, each through the one outbox, each once per idempotency key. */
@Component
class CampaignMail {

    private final DirectMail mail;
    private final StaffDirectory staff;
    private final DistrictStaff district;
    private final RsvpLinks links;
    private final TandemProperties properties;
    private final DistrictClock clock;

    CampaignMail(DirectMail mail, StaffDirectory staff, DistrictStaff district, RsvpLinks links,
                 TandemProperties properties, DistrictClock clock) {
        this.mail = mail;
        this.staff = staff;
        this.district = district;
        this.links = links;
        this.properties = properties;
        this.clock = clock;
    }

    /** Tells the campaign's lead their plan came back, with the approving manager's comments. */
    void planSentBack(Campaign campaign, int round, String comment, String decidedBy) {
        staff.byUsername(campaign.leadUsername()).ifPresent(lead -> {
            Recipient to = staffRecipient(lead);
            mail.send("plan-sent-back:" + campaign.id() + ":" + round, MessageKind.PLAN_SENT_BACK, to,
                    new Object[] {campaign.programYear()},
                    Map.of("plan", Map.of("year", campaign.programYear(), "comment", comment,
                            "by", district.nameOf(decidedBy),
                            "link", properties.publicUrl() + "/campaign/" + campaign.id() + "/plan")));
        });
    }

    long coDesignInvitation(Campaign campaign, CoDesignSession session, Invitation invitation) {
        Recipient to = new Recipient(invitation.staffUsername(), invitation.name(), invitation.email(),
                invitation.language());
        java.time.Instant expires = invitation.expiresAt().atZone(clock.zoneOf(campaign.districtId())).toInstant();
        Map<String, Object> model = new HashMap<>();
        model.put("day", DirectMail.day(session.sessionOn(), to.locale()));
        model.put("place", session.place());
        model.put("note", session.note() == null ? "" : session.note());
        model.put("district", district.districtName(campaign.districtId()).orElse(""));
        model.put("organizer", district.nameOf(campaign.leadUsername()));
        model.put("yes", links.link(invitation.id(), expires, RsvpAnswer.YES));
        model.put("no", links.link(invitation.id(), expires, RsvpAnswer.NO));
        return mail.send("codesign-invitation:" + invitation.id(), MessageKind.CODESIGN_INVITATION, to,
                new Object[] {model.get("district"), model.get("day")}, Map.of("invitation", model));
    }

    long feedbackAnswer(Campaign campaign, Feedback feedback, Contact contact) {
        Recipient to = new Recipient(null, contact.fullName(), contact.email(), contact.language());
        String districtName = district.districtName(campaign.districtId()).orElse("");
        Map<String, Object> model = Map.of("said", feedback.said(), "answer", feedback.answer(),
                "heardOn", DirectMail.day(feedback.heardOn(), to.locale()), "district", districtName,
                "from", district.nameOf(feedback.answeredBy() == null ? feedback.ownerUsername() : feedback.answeredBy()));
        return mail.send("feedback-answer:" + feedback.id(), MessageKind.FEEDBACK_ANSWER, to,
                new Object[] {districtName}, Map.of("feedback", model));
    }

    private static Recipient staffRecipient(StaffMember member) {
        return new Recipient(member.username(), member.fullName(), member.email(), member.preferredLanguage());
    }
}
