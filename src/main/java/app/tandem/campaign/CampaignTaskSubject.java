package app.tandem.campaign;

import java.util.Optional;

import org.springframework.stereotype.Component;

import app.tandem.system.Messages;
import app.tandem.tasklist.TaskRecord;
import app.tandem.tasklist.TaskSubject;

/**
 * A touchpoint is for its plan row's audience ("School board members (School board)"); feedback to answer is
 * from its contact. Found by the track's or the feedback's process instance in Tandem's own tables.
 */
@Component
class CampaignTaskSubject implements TaskSubject {

    private final OutreachTracks tracks;
    private final CommunicationPlans plans;
    private final FeedbackLog feedback;
    private final Contacts contacts;
    private final Messages messages;

    CampaignTaskSubject(OutreachTracks tracks, CommunicationPlans plans, FeedbackLog feedback, Contacts contacts,
                        Messages messages) {
        this.tracks = tracks;
        this.plans = plans;
        this.feedback = feedback;
        this.contacts = contacts;
        this.messages = messages;
    }

    @Override
    public Optional<String> of(TaskRecord task) {
        if (StakeholderCampaign.TRACK_PROCESS_KEY.equals(task.processKey())) {
            return tracks.byProcessInstance(task.processInstanceId())
                    .flatMap(track -> plans.row(track.planRowId()))
                    .map(row -> messages.text("campaign.task.audience", row.audience(),
                            messages.text(row.group().messageKey())));
        }
        if (StakeholderCampaign.FEEDBACK_PROCESS_KEY.equals(task.processKey())) {
            return feedback.byProcessInstance(task.processInstanceId())
                    .flatMap(heard -> contacts.byId(heard.contactId()))
                    .map(contact -> messages.text("campaign.task.feedbackFrom",
                            contact.organisation() == null || contact.organisation().isBlank() ? contact.fullName()
                                    : contact.fullName() + ", " + contact.organisation()));
        }
        return Optional.empty();
    }
}
