package app.tandem.campaign;

/** A campaign as a manager asks for it on the start form, before it is checked. */
public record CampaignEntry(String programYear, String campaignEndsOn, String planApprover) {
}
