package app.tandem.campaign;

import java.util.Map;

import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Answers a stakeholder's feedback from a Tandem page, through the feedback's own task. */
@Service
public class FeedbackAnswers {

    private final CampaignTasks tasks;
    private final Checks checks;

    FeedbackAnswers(CampaignTasks tasks, Checks checks) {
        this.tasks = tasks;
        this.checks = checks;
    }

    @Transactional
    public void answer(Feedback feedback, String answer, String by) {
        Task task = tasks.open(feedback.processInstanceId(), StakeholderCampaign.ANSWER_FEEDBACK)
                .orElseThrow(() -> checks.invalid(RecordFeedbackAnswer.ANSWER, "campaign.invalid.alreadyAnswered"));
        tasks.complete(task, by, Map.of(RecordFeedbackAnswer.ANSWER, answer == null ? "" : answer));
    }
}
