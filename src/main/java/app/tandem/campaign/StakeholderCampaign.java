package app.tandem.campaign;

import org.camunda.bpm.engine.delegate.VariableScope;

import app.tandem.system.ProcessVariables;

/** The names the campaign's models and its Java code share. */
public final class StakeholderCampaign {

    public static final String PROCESS_KEY = "stakeholder-campaign";
    public static final String TRACK_PROCESS_KEY = "outreach-track";
    public static final String FEEDBACK_PROCESS_KEY = "stakeholder-feedback";
    public static final String FEEDBACK_RECORDED = "feedbackRecorded";

    public static final String MAP_DECISION_MAKERS = "mapDecisionMakers";
    public static final String DRAFT_COMMUNICATION_PLAN = "draftCommunicationPlan";
    public static final String APPROVE_COMMUNICATION_PLAN = "approveCommunicationPlan";
    public static final String PLAN_APPROVED = "planApproved";
    public static final String OPEN_OUTREACH_TRACKS = "openOutreachTracks";
    public static final String RUN_OUTREACH_TRACKS = "runOutreachTracks";
    public static final String REVIEW_UNION_CONTRACTS = "reviewUnionContracts";
    public static final String INVITE_TO_CO_DESIGN = "inviteToCoDesign";
    public static final String BRIEF_SCHOOL_BOARD = "briefSchoolBoard";
    public static final String BRIEF_COMMUNITY_PARTNERS = "briefCommunityPartners";
    public static final String SHARE_FAMILY_TOOLKIT = "shareFamilyToolkit";
    public static final String REVIEW_THE_YEAR = "reviewTheYear";
    public static final String CAMPAIGN_CLOSED = "campaignClosed";

    public static final String PLAN_NEXT_TOUCHPOINT = "planNextTouchpoint";
    public static final String TOUCHPOINT_WINDOW_OPENS = "touchpointWindowOpens";
    public static final String HOLD_TOUCHPOINT = "holdTouchpoint";
    public static final String TOUCHPOINT_DUE_SOON = "touchpointDueSoon";
    public static final String REMIND_TOUCHPOINT_OWNER = "remindTouchpointOwner";
    public static final String TOUCHPOINT_MISSED = "touchpointMissed";
    public static final String RECORD_MISSED_TOUCHPOINT = "recordMissedTouchpoint";
    public static final String PASS_ON_FEEDBACK = "passOnFeedback";
    public static final String TRACK_COMPLETE = "trackComplete";

    public static final String ANSWER_FEEDBACK = "answerFeedback";
    public static final String ANSWER_DUE_SOON = "answerDueSoon";
    public static final String REMIND_FEEDBACK_OWNER = "remindFeedbackOwner";
    public static final String SEND_FEEDBACK_ANSWER = "sendFeedbackAnswer";
    public static final String FEEDBACK_ANSWERED = "feedbackAnswered";

    /** The campaign an instance of the campaign's processes belongs to. */
    public static long campaignId(VariableScope scope) {
        return ProcessVariables.id(scope, Var.CAMPAIGN_ID);
    }

    /** Process variables: ids, usernames, dates, numbers and booleans only. */
    public static final class Var {
        public static final String CAMPAIGN_ID = "campaignId";
        public static final String CAMPAIGN_LEAD = "campaignLead";
        public static final String PLAN_APPROVER = "planApprover";
        public static final String CAMPAIGN_ENDS_AT = "campaignEndsAt";
        public static final String MAP_DUE = "mapDue";
        public static final String PLAN_DUE = "planDue";
        public static final String APPROVAL_DUE = "approvalDue";
        public static final String PLAYBOOK_WORK_DUE = "playbookWorkDue";
        public static final String REVIEW_DUE = "reviewDue";
        public static final String PLAN_APPROVED = "planApproved";
        public static final String TRACK_ID = "trackId";
        public static final String TRACK_OWNER = "trackOwner";
        public static final String TOUCHPOINT_NUMBER = "touchpointNumber";
        public static final String TOUCHPOINT_OPEN = "touchpointOpen";
        public static final String TOUCHPOINT_OPENS_AT = "touchpointOpensAt";
        public static final String TOUCHPOINT_DUE = "touchpointDue";
        public static final String TOUCHPOINT_REMINDER_AT = "touchpointReminderAt";
        public static final String TOUCHPOINT_MISSED_AT = "touchpointMissedAt";
        public static final String FEEDBACK_ID = "feedbackId";
        public static final String ANSWER_OWNER = "answerOwner";
        public static final String ANSWER_DUE = "answerDue";
        public static final String ANSWER_REMINDER_AT = "answerReminderAt";

        private Var() {
        }
    }

    private StakeholderCampaign() {
    }

    /** One campaign per district and program year: the business key names both. */
    public static String businessKey(String districtCode, String programYear) {
        return districtCode + "/" + programYear;
    }
}
