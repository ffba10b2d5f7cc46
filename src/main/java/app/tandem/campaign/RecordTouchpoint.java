package app.tandem.campaign;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import app.tandem.campaign.StakeholderCampaign.Var;
import app.tandem.forms.CompletedBy;
import app.tandem.forms.SubmittedForm;
import app.tandem.forms.SubmittedForms;
import app.tandem.system.DistrictClock;

/**
 * Records a touchpoint as held: what was shared, with whom. Feedback given there is kept with the contact
 * who gave it (found on the map by address, or added to it), and the track passes it on to be answered.
 */
@Component("recordTouchpoint")
class RecordTouchpoint implements TaskListener {

    static final String HELD_ON = "heldOn";
    static final String SHARED = "shared";
    static final String WITH_WHOM = "withWhom";
    static final String FEEDBACK = "feedback";
    static final String FEEDBACK_FROM_EMAIL = "feedbackFromEmail";
    static final String FEEDBACK_FROM_NAME = "feedbackFromName";

    private final SubmittedForms forms;
    private final Checks checks;
    private final OutreachTracks tracks;
    private final CommunicationPlans plans;
    private final Campaigns campaigns;
    private final Contacts contacts;
    private final FeedbackLog feedbackLog;
    private final DistrictClock clock;
    private final CampaignSettings settings;

    RecordTouchpoint(SubmittedForms forms, Checks checks, OutreachTracks tracks,
                     CommunicationPlans plans, Campaigns campaigns, Contacts contacts, FeedbackLog feedbackLog,
                     DistrictClock clock, CampaignSettings settings) {
        this.forms = forms;
        this.checks = checks;
        this.tracks = tracks;
        this.plans = plans;
        this.campaigns = campaigns;
        this.contacts = contacts;
        this.feedbackLog = feedbackLog;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public void notify(DelegateTask task) {
        long trackId = ((Number) task.getVariable(Var.TRACK_ID)).longValue();
        int number = (Integer) task.getVariable(Var.TOUCHPOINT_NUMBER);
        Track track = tracks.byId(trackId).orElseThrow();
        Touchpoint touchpoint = tracks.touchpoint(trackId, number).orElseThrow();
        Campaign campaign = campaigns.byId(track.campaignId()).orElseThrow();

        SubmittedForm form = forms.of(task);
        LocalDate heldOn = form.doneOn(HELD_ON);
        if (heldOn.isBefore(track.openedOn())) {
            throw checks.invalid(HELD_ON, "campaign.invalid.beforeTrack", track.openedOn());
        }
        String shared = form.requiredText(SHARED, 2000);
        String withWhom = form.requiredText(WITH_WHOM, 500);
        String said = form.text(FEEDBACK, 4000);
        String email = form.text(FEEDBACK_FROM_EMAIL, 254);
        String name = form.text(FEEDBACK_FROM_NAME, 200);
        form.discardFromProcess();
        Contact giver = said == null ? null : giver(campaign, track, email, name);

        String by = CompletedBy.of(task);
        tracks.recordHeld(touchpoint.id(), heldOn, shared, withWhom, by, clock.dateTime());
        if (giver != null) {
            long feedbackId = feedbackLog.record(campaign.id(), touchpoint.id(), giver.id(), said, heldOn,
                    track.ownerUsername(), clock.today().plus(settings.feedbackAnswerWithin()), clock.dateTime());
            task.setVariable(Var.FEEDBACK_ID, feedbackId);
        }
    }

    /** Who gave the feedback: a current contact with that address, or a new one in the row's group. */
    private Contact giver(Campaign campaign, Track track, String email, String name) {
        String address = checks.email(FEEDBACK_FROM_EMAIL, email, true);
        return contacts.currentByEmail(campaign.districtId(), address).orElseGet(() -> {
            if (name == null) {
                throw checks.invalid(FEEDBACK_FROM_NAME, "campaign.invalid.nameForNewContact", address);
            }
            PlanRow row = plans.row(track.planRowId()).orElseThrow();
            String organisation = row.audience().length() > 200 ? row.audience().substring(0, 200) : row.audience();
            long id = contacts.add(campaign.districtId(), new ContactEntry(name, organisation, row.group().code(), null, false,
                    Influence.MEDIUM.code(), Stance.NEUTRAL.code(), address, null, row.language(), Channel.EMAIL.code(),
                    track.ownerUsername()), track.ownerUsername(), clock.dateTime());
            return contacts.byId(id).orElseThrow();
        });
    }
}
