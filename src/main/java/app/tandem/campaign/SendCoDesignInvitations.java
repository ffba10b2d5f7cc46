package app.tandem.campaign;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import app.tandem.directory.Role;
import app.tandem.directory.StaffMember;
import app.tandem.forms.CompletedBy;
import app.tandem.forms.SubmittedForm;
import app.tandem.forms.SubmittedForms;
import app.tandem.system.DistrictClock;

/**
 * Invites the district's teachers and school leaders (staff, and contacts on the map in those groups) to design
 * the program with the district: one email each, with RSVP links signed for that invitation alone, valid until
 * the session's day is over. Answering needs no account.
 */
@Component("sendCoDesignInvitations")
class SendCoDesignInvitations implements TaskListener {

    static final String SESSION_ON = "sessionOn";
    static final String SESSION_PLACE = "sessionPlace";
    static final String INVITE_GROUPS = "inviteGroups";
    static final String INVITATION_NOTE = "invitationNote";
    /** Links work until the session's day is over, in the district's time. */
    static final java.time.LocalTime LAST_MINUTE = java.time.LocalTime.of(23, 59);

    private final SubmittedForms forms;
    private final Checks checks;
    private final Campaigns campaigns;
    private final DistrictStaff staff;
    private final Contacts contacts;
    private final CoDesignInvitations invitations;
    private final CampaignMail mail;
    private final DistrictClock clock;

    SendCoDesignInvitations(SubmittedForms forms, Checks checks, Campaigns campaigns,
                            DistrictStaff staff, Contacts contacts, CoDesignInvitations invitations, CampaignMail mail,
                            DistrictClock clock) {
        this.forms = forms;
        this.checks = checks;
        this.campaigns = campaigns;
        this.staff = staff;
        this.contacts = contacts;
        this.invitations = invitations;
        this.mail = mail;
        this.clock = clock;
    }

    private record Invitee(String username, Long contactId, String name, String email, String language) {
    }

    @Override
    public void notify(DelegateTask task) {
        Campaign campaign = campaigns.byId(StakeholderCampaign.campaignId(task)).orElseThrow();
        SubmittedForm form = forms.of(task);
        LocalDate sessionOn = form.requiredDate(SESSION_ON);
        if (sessionOn.isBefore(clock.today())) {
            throw checks.invalid(SESSION_ON, "invalid.inPast", sessionOn);
        }
        if (sessionOn.isAfter(campaign.endsOn())) {
            throw checks.invalid(SESSION_ON, "campaign.invalid.afterCampaign", campaign.endsOn());
        }
        String place = form.requiredText(SESSION_PLACE, 200);
        List<String> groups = form.requiredOptions(INVITE_GROUPS);
        String note = form.text(INVITATION_NOTE, 2000);
        form.discardFromProcess();

        List<Invitee> invitees = invitees(campaign.districtId(), groups);
        if (invitees.isEmpty()) {
            throw checks.invalid(INVITE_GROUPS, "campaign.invalid.nobodyToInvite");
        }
        String by = CompletedBy.of(task);
        long sessionId = invitations.addSession(campaign.id(), sessionOn, place, note, groups, by, clock.dateTime());
        CoDesignSession session = invitations.session(sessionId).orElseThrow();
        LocalDateTime expiresAt = sessionOn.atTime(LAST_MINUTE);
        for (Invitee invitee : invitees) {
            long id = invitations.invite(sessionId, invitee.username(), invitee.contactId(), invitee.name(),
                    invitee.email(), invitee.language(), expiresAt);
            long messageId = mail.coDesignInvitation(campaign, session, invitations.invitation(id).orElseThrow());
            invitations.recordMessage(id, messageId);
        }
    }

    private List<Invitee> invitees(long districtId, List<String> groups) {
        List<Invitee> all = new ArrayList<>();
        for (StaffMember member : staff.inGroups(districtId, groups)) {
            all.add(new Invitee(member.username(), null, member.fullName(), member.email(), member.preferredLanguage()));
        }
        List<StakeholderGroup> contactGroups = new ArrayList<>();
        if (groups.contains(Role.TEACHER.groupId())) {
            contactGroups.add(StakeholderGroup.EDUCATORS);
        }
        if (groups.contains(Role.SCHOOL_LEADER.groupId())) {
            contactGroups.add(StakeholderGroup.SCHOOL_LEADERSHIP);
        }
        for (Contact contact : contacts.currentInGroups(districtId, contactGroups)) {
            if (contact.email() != null) {
                all.add(new Invitee(null, contact.id(), contact.fullName(), contact.email(), contact.language()));
            }
        }
        Set<String> seen = new HashSet<>();
        return all.stream().filter(i -> i.email() != null && seen.add(i.email().toLowerCase(Locale.ROOT))).toList();
    }
}
