package app.tandem.campaign.web;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import app.tandem.campaign.Campaign;
import app.tandem.campaign.Campaigns;
import app.tandem.campaign.Feedback;
import app.tandem.directory.Role;

/**
 * The one access check of the campaign pages. Program managers run their district's campaigns; operators read
 * them (their district's, or every district's when they are on no district's staff); an owner of outreach sees
 * their own tracks and answers their own feedback. Everyone else, and anything outside a person's district, is
 * "not found", so the pages do not tell them what exists.
 */
@Component
class CampaignAccess {

    /** The signed-in person as the campaign sees them. {@code districtId} is null for someone on no staff. */
    record Viewer(String username, Long districtId, boolean manager, boolean operator) {

        boolean reads() {
            return (manager && districtId != null) || operator;
        }

        boolean readsDistrict(long district) {
            return reads() && (districtId == null ? operator : districtId == district);
        }

        boolean managesDistrict(long district) {
            return manager && districtId != null && districtId == district;
        }
    }

    private final JdbcClient jdbc;
    private final Campaigns campaigns;

    CampaignAccess(JdbcClient jdbc, Campaigns campaigns) {
        this.jdbc = jdbc;
        this.campaigns = campaigns;
    }

    Viewer viewer(Authentication person) {
        if (person == null) {
            throw notFound();
        }
        Long district = jdbc.sql("select district_id from staff_member where username = ?")
                .param(person.getName()).query(Long.class).optional().orElse(null);
        return new Viewer(person.getName(), district, has(person, Role.MANAGER), has(person, Role.OPERATOR));
    }

    /** A manager or an operator; anyone else is "not found". */
    Viewer reader(Authentication person) {
        Viewer viewer = viewer(person);
        if (!viewer.reads()) {
            throw notFound();
        }
        return viewer;
    }

    /** A program manager of a district, who may change its campaigns and its map. */
    Viewer manager(Authentication person) {
        Viewer viewer = viewer(person);
        if (!viewer.manager() || viewer.districtId() == null) {
            throw notFound();
        }
        return viewer;
    }

    Campaign readable(Authentication person, long campaignId) {
        Viewer viewer = viewer(person);
        Campaign campaign = campaigns.byId(campaignId).orElseThrow(CampaignAccess::notFound);
        if (!viewer.readsDistrict(campaign.districtId())) {
            throw notFound();
        }
        return campaign;
    }

    Campaign managed(Authentication person, long campaignId) {
        Viewer viewer = viewer(person);
        Campaign campaign = campaigns.byId(campaignId).orElseThrow(CampaignAccess::notFound);
        if (!viewer.managesDistrict(campaign.districtId())) {
            throw notFound();
        }
        return campaign;
    }

    /** Feedback is answered by whoever owes the answer, or by a manager of the campaign's district. */
    void requireAnswerer(Viewer viewer, Campaign campaign, Feedback feedback) {
        if (feedback.campaignId() != campaign.id()
                || !(viewer.managesDistrict(campaign.districtId()) || viewer.username().equals(feedback.ownerUsername()))) {
            throw notFound();
        }
    }

    static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }

    private static boolean has(Authentication person, Role role) {
        String authority = "ROLE_" + role.groupId();
        for (GrantedAuthority granted : person.getAuthorities()) {
            if (authority.equals(granted.getAuthority())) {
                return true;
            }
        }
        return false;
    }
}
