package app.tandem.security;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.tandem.directory.ChangeLog;
import app.tandem.directory.ChangeSource;
import app.tandem.directory.ChangeSubject;
import app.tandem.directory.ChangedField;
import app.tandem.directory.StaffDirectory;
import app.tandem.directory.StaffMember;
import app.tandem.notify.DirectMail;
import app.tandem.notify.MessageKind;
import app.tandem.notify.Recipient;
import app.tandem.notify.SecretLinks;
import app.tandem.system.DistrictClock;
import app.tandem.system.TandemProperties;

/**
 * Mails that lead to choosing a password: an invitation for a new person, a reset for someone who forgot theirs.
 * No one else ever types or reads the password, and the link is in the mail only (see {@link SecretLinks}).
 */
@Service
public class PasswordLinks implements SecretLinks {

    public static final String PATH = "/welcome/";
    /** One reset mail a minute at most per account: a stranger cannot fill someone's mailbox. */
    private static final Duration RESET_PAUSE = Duration.ofMinutes(1);
    /** What the audit log says of a person's invitation, before and after a change. */
    private static final String INVITATION_OPEN = "open";
    private static final String INVITATION_SENT = "sent";
    private static final String INVITATION_REVOKED = "revoked";

    private final OneTimeLinks links;
    private final StaffDirectory staff;
    private final DirectMail mail;
    private final DistrictClock clock;
    private final String publicUrl;
    private final ChangeLog changes;

    PasswordLinks(OneTimeLinks links, StaffDirectory staff, DirectMail mail, DistrictClock clock,
                  TandemProperties properties, ChangeLog changes) {
        this.links = links;
        this.staff = staff;
        this.mail = mail;
        this.clock = clock;
        this.publicUrl = properties.publicUrl();
        this.changes = changes;
    }

    /** Invites the person (again): a new link, and the earlier one void; logged as sent, from open when it was. */
    @Transactional
    public void invite(String username, String invitedBy, ChangeSource source) {
        StaffMember member = staff.byUsername(username).orElseThrow();
        boolean open = links.openInvitation(username).isPresent();
        long id = links.open(username, LinkPurpose.INVITATION, invitedBy);
        changes.log(ChangeSubject.staff(username, member.districtId()), ChangedField.INVITATION,
                open ? INVITATION_OPEN : null, INVITATION_SENT, invitedBy, source);
        String inviter = staff.byUsername(invitedBy).map(StaffMember::fullName).orElse(invitedBy);
        mail.send(MessageKind.STAFF_INVITATION.template() + ":" + id, MessageKind.STAFF_INVITATION,
                recipient(member), new Object[0], Map.of("invitation", Map.of("invitedBy", inviter,
                        "username", username, "link", PLACE,
                        "validDays", links.validFor(LinkPurpose.INVITATION).toDays())));
    }

    @Transactional
    public void revokeInvitation(String username, String revokedBy, ChangeSource source) {
        if (links.openInvitation(username).isEmpty()) {
            return;
        }
        links.revoke(username, LinkPurpose.INVITATION);
        Long district = staff.byUsername(username).map(StaffMember::districtId).orElse(null);
        changes.log(ChangeSubject.staff(username, district), ChangedField.INVITATION, INVITATION_OPEN,
                INVITATION_REVOKED, revokedBy, source);
    }

    /** Every open link of the person, void: a deactivated person chooses no password. */
    @Transactional
    public void revokeAll(String username) {
        for (LinkPurpose purpose : LinkPurpose.values()) {
            links.revoke(username, purpose);
        }
    }

    /** Mails a reset link when the name or address is an active person's; says nothing either way. */
    @Transactional
    public void requestReset(String usernameOrEmail) {
        if (usernameOrEmail == null || usernameOrEmail.isBlank() || usernameOrEmail.length() > 254) {
            return;
        }
        String typed = usernameOrEmail.strip();
        Optional<StaffMember> member = staff.byUsername(typed)
                .or(() -> staff.usernameByEmail(typed).flatMap(staff::byUsername))
                .filter(found -> staff.isActive(found.username()));
        if (member.isEmpty()) {
            return;
        }
        String username = member.get().username();
        boolean justSent = links.lastOpened(username, LinkPurpose.PASSWORD_RESET)
                .filter(last -> last.plus(RESET_PAUSE).isAfter(clock.now())).isPresent();
        if (justSent) {
            return;
        }
        long id = links.open(username, LinkPurpose.PASSWORD_RESET, username);
        mail.send(MessageKind.PASSWORD_RESET.template() + ":" + id, MessageKind.PASSWORD_RESET,
                recipient(member.get()), new Object[0], Map.of("reset", Map.of("username", username, "link", PLACE,
                        "validMinutes", links.validFor(LinkPurpose.PASSWORD_RESET).toMinutes())));
    }

    @Override
    public boolean makesFor(MessageKind kind) {
        return kind == MessageKind.STAFF_INVITATION || kind == MessageKind.PASSWORD_RESET;
    }

    /** A revoked link's mail still goes out, with a link that says to ask for a new one. */
    @Override
    public String link(String idempotencyKey) {
        long id = Long.parseLong(idempotencyKey.substring(idempotencyKey.lastIndexOf(':') + 1));
        return publicUrl + PATH + links.mint(id).orElse("void");
    }

    private static Recipient recipient(StaffMember member) {
        return new Recipient(member.username(), member.fullName(), member.email(), member.preferredLanguage());
    }
}
