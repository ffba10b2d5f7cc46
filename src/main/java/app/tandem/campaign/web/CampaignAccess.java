package app.tandem.campaign.web;

import org.springframework.stereotype.Component;

import app.tandem.campaign.Campaign;
import app.tandem.campaign.Campaigns;
import app.tandem.campaign.Feedback;
import app.tandem.directory.Viewer;
import app.tandem.system.NotFound;

/**
 * The one access check of the campaign pages. Program managers run their district's campaigns; operators read
 * them (their district's, or every district's when they are on no district's staff); an owner of outreach sees
 * their own tracks and answers their own feedback. Everyone else, and anything outside a person's district, is
 * "not found", so the pages do not tell them what exists.
 */
@Component
class CampaignAccess {

    private final Campaigns campaigns;

    CampaignAccess(Campaigns campaigns) {
        this.campaigns = campaigns;
    }

    /** Managers on a district's staff and operators read campaigns. */
    boolean reads(Viewer viewer) {
        return (viewer.manager() && viewer.onStaff()) || viewer.operator();
    }

    /** Their own district's; an operator on no district's staff reads every district's. */
    boolean readsDistrict(Viewer viewer, long district) {
        return reads(viewer) && (viewer.districtId() == null ? viewer.operator() : viewer.districtId() == district);
    }

    boolean managesDistrict(Viewer viewer, long district) {
        return viewer.manager() && viewer.onStaff() && viewer.districtId() == district;
    }

    /** A manager or an operator; anyone else is "not found". */
    Viewer reader(Viewer viewer) {
        if (!reads(viewer)) {
            throw NotFound.answer();
        }
        return viewer;
    }

    /** A program manager of a district, who may change its campaigns and its map. */
    Viewer manager(Viewer viewer) {
        if (!viewer.manager() || !viewer.onStaff()) {
            throw NotFound.answer();
        }
        return viewer;
    }

    Campaign readable(Viewer viewer, long campaignId) {
        Campaign campaign = campaigns.byId(campaignId).orElseThrow(NotFound::answer);
        if (!readsDistrict(viewer, campaign.districtId())) {
            throw NotFound.answer();
        }
        return campaign;
    }

    Campaign managed(Viewer viewer, long campaignId) {
        Campaign campaign = campaigns.byId(campaignId).orElseThrow(NotFound::answer);
        if (!managesDistrict(viewer, campaign.districtId())) {
            throw NotFound.answer();
        }
        return campaign;
    }

    /** Feedback is answered by whoever owes the answer, or by a manager of the campaign's district. */
    void requireAnswerer(Viewer viewer, Campaign campaign, Feedback feedback) {
        if (feedback.campaignId() != campaign.id()
                || !(managesDistrict(viewer, campaign.districtId()) || viewer.username().equals(feedback.ownerUsername()))) {
            throw NotFound.answer();
        }
    }
}
