package app.tandem.family;

import java.util.Collection;
import java.util.List;
import java.util.Locale;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.tandem.directory.ChangeLog;
import app.tandem.directory.ChangeSource;
import app.tandem.directory.ChangeSubject;
import app.tandem.directory.ChangedField;
import app.tandem.notify.AddressOptedOut;
import app.tandem.notify.MailOptOuts;
import app.tandem.notify.MessageWithheld;
import app.tandem.system.DistrictClock;

/**
 * Families who said no to email. An unsubscribed address turns each of its caregivers' channel into a call (with a
 * phone number) or a note home, which a coordinator may change; a message already queued to it is withheld. Email
 * starts again only when a liaison records the caregiver's new consent.
 */
@Service
public class FamilyOptOuts {

    private final Families families;
    private final FamilyMessages messages;
    private final MailOptOuts optOuts;
    private final ReachCaregiverInstead reachInstead;
    private final ChangeLog changes;
    private final DistrictClock clock;

    FamilyOptOuts(Families families, FamilyMessages messages, MailOptOuts optOuts,
                  ReachCaregiverInstead reachInstead, ChangeLog changes, DistrictClock clock) {
        this.families = families;
        this.messages = messages;
        this.optOuts = optOuts;
        this.reachInstead = reachInstead;
        this.changes = changes;
        this.clock = clock;
    }

    @EventListener
    void onOptedOut(AddressOptedOut event) {
        for (Caregiver caregiver : families.caregiversByEmail(event.address())) {
            Channel instead = caregiver.preferredChannel() != Channel.EMAIL ? caregiver.preferredChannel()
                    : ContactDetails.isPhone(caregiver.phone()) ? Channel.PHONE_CALL : Channel.PAPER_NOTE;
            families.recordOptOut(caregiver.id(), event.at(), event.source().name(), instead);
        }
    }

    /** Not a dead end: the caregiver is called or gets a note home instead. */
    @EventListener
    void onWithheld(MessageWithheld event) {
        FamilyLetters.familyMessageIdOf(event.idempotencyKey()).ifPresent(reachInstead::start);
    }

    public List<OptedOutCaregiver> atSchools(Collection<Long> schoolIds) {
        return families.optedOutAt(schoolIds);
    }

    /** The student's caregivers who unsubscribed, for the student's page. */
    public List<OptedOutCaregiver> ofStudent(long studentId) {
        return families.optedOutOf(studentId);
    }

    /** Whether the caregiver has a child at one of these schools. */
    public boolean atOneOf(long caregiverId, Collection<Long> schoolIds) {
        return families.schoolsOfChildren(caregiverId).stream().anyMatch(schoolIds::contains);
    }

    /** The coordinator's choice for a caregiver who takes no email: a call or a note home. */
    @Transactional
    public void reachBy(long caregiverId, Channel channel) {
        if (channel == Channel.EMAIL) {
            throw new IllegalArgumentException("Email needs a new consent");
        }
        families.changeChannel(caregiverId, channel);
    }

    /** A liaison's record of the caregiver's new consent to email, in the audit log by the caregiver's number. */
    @Transactional
    public void recordConsent(long caregiverId, String by, String note) {
        Caregiver caregiver = families.caregiver(caregiverId).orElseThrow();
        String before = optOuts.current(caregiver.email()).map(o -> "UNSUBSCRIBED " + o.source().name()).orElse(null);
        optOuts.consent(caregiver.email().toLowerCase(Locale.ROOT), by, note, clock.now());
        families.recordConsent(caregiverId, clock.now(), by);
        changes.log(ChangeSubject.caregiver(caregiver.caregiverNumber(), caregiver.districtId()),
                ChangedField.EMAIL_CONSENT, before, "CONSENTED",
                by, ChangeSource.PAGE);
    }
}
