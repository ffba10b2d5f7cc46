package app.tandem.campaign;

import java.util.Arrays;
import java.util.Optional;

/** The playbook's fixed work, each one task of the campaign with its own form. */
public enum PlaybookStep {
    UNION_CONTRACTS(StakeholderCampaign.REVIEW_UNION_CONTRACTS),
    CO_DESIGN(StakeholderCampaign.INVITE_TO_CO_DESIGN),
    SCHOOL_BOARD(StakeholderCampaign.BRIEF_SCHOOL_BOARD),
    COMMUNITY(StakeholderCampaign.BRIEF_COMMUNITY_PARTNERS),
    FAMILY_TOOLKIT(StakeholderCampaign.SHARE_FAMILY_TOOLKIT);

    private final String taskKey;

    PlaybookStep(String taskKey) {
        this.taskKey = taskKey;
    }

    public String taskKey() {
        return taskKey;
    }

    public String messageKey() {
        return "campaign.task." + taskKey;
    }

    public static Optional<PlaybookStep> ofTask(String taskKey) {
        return Arrays.stream(values()).filter(step -> step.taskKey.equals(taskKey)).findFirst();
    }
}
