package app.tandem.campaign;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The plan editor's buttons: submit the plan for approval, approve it, send it back. Each completes the
 * campaign's open task, so the page and a tasklist go through the same checks.
 */
@Service
public class PlanDecisions {

    private final CampaignTasks tasks;
    private final Checks checks;

    PlanDecisions(CampaignTasks tasks, Checks checks) {
        this.tasks = tasks;
        this.checks = checks;
    }

    @Transactional
    public void submit(Campaign campaign, String by) {
        Task draft = tasks.open(campaign.processInstanceId(), StakeholderCampaign.DRAFT_COMMUNICATION_PLAN)
                .orElseThrow(() -> checks.invalid("plan", "campaign.invalid.notDrafting"));
        tasks.complete(draft, by, Map.of(SubmitCommunicationPlan.PLAN_READY, true));
    }

    @Transactional
    public void decide(Campaign campaign, String decision, String comment, String by) {
        Task approval = tasks.open(campaign.processInstanceId(), StakeholderCampaign.APPROVE_COMMUNICATION_PLAN)
                .orElseThrow(() -> checks.invalid("plan", "campaign.invalid.notAwaitingApproval"));
        Map<String, Object> values = new HashMap<>();
        values.put(DecideCommunicationPlan.PLAN_DECISION, decision);
        values.put(DecideCommunicationPlan.REVIEW_COMMENT, comment);
        tasks.complete(approval, by, values);
    }

    /** Whether the plan waits for a manager's decision. */
    public boolean awaitsDecision(Campaign campaign) {
        return tasks.open(campaign.processInstanceId(), StakeholderCampaign.APPROVE_COMMUNICATION_PLAN).isPresent();
    }

    public boolean drafting(Campaign campaign) {
        return tasks.open(campaign.processInstanceId(), StakeholderCampaign.DRAFT_COMMUNICATION_PLAN).isPresent();
    }
}
