package app.tandem.campaign.web;

import java.util.Optional;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import app.tandem.campaign.Campaign;
import app.tandem.campaign.Campaigns;
import app.tandem.campaign.CoDesignInvitations;
import app.tandem.campaign.CoDesignSession;
import app.tandem.campaign.DistrictStaff;
import app.tandem.campaign.Invitation;
import app.tandem.campaign.RsvpAnswer;
import app.tandem.campaign.RsvpLinks;
import app.tandem.system.DistrictClock;
import app.tandem.system.PageLanguage;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The public answer to a co-design invitation, for people without an account. The link's signature is the only
 * key: a changed or unknown link gets a plain "not valid" page, an old one an "expired" page. Opening the link
 * changes nothing (mail scanners open links too); one click on the page records the answer, and the same answer
 * again is kept once. A link answers a few times a minute at most (see {@link RsvpAnswerLimit}).
 */
@Controller
class RsvpController {

    private final RsvpLinks links;
    private final CoDesignInvitations invitations;
    private final Campaigns campaigns;
    private final DistrictStaff staff;
    private final DistrictClock clock;
    private final RsvpAnswerLimit limit;

    RsvpController(RsvpLinks links, CoDesignInvitations invitations, Campaigns campaigns, DistrictStaff staff,
                   DistrictClock clock, RsvpAnswerLimit limit) {
        this.links = links;
        this.invitations = invitations;
        this.campaigns = campaigns;
        this.staff = staff;
        this.clock = clock;
        this.limit = limit;
    }

    @GetMapping("/rsvp/{token}")
    String show(@PathVariable String token, @RequestParam(required = false) String answer, Model model,
                HttpServletRequest request, HttpServletResponse response) {
        Optional<Invitation> invitation = check(token, response);
        if (invitation.isEmpty()) {
            return refusal(model, response);
        }
        PageLanguage.use(request, invitation.get().language());
        return page(model, token, invitation.get(), RsvpAnswer.byCode(answer == null ? "" : answer).orElse(null), null);
    }

    @PostMapping("/rsvp/{token}")
    String answer(@PathVariable String token, @RequestParam(required = false) String answer, Model model,
                  HttpServletRequest request, HttpServletResponse response) {
        Optional<Invitation> invitation = check(token, response);
        if (invitation.isEmpty()) {
            return refusal(model, response);
        }
        PageLanguage.use(request, invitation.get().language());
        if (!limit.allow(invitation.get().id(), clock.now())) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, "60");
            return refusal(model, response);
        }
        Optional<RsvpAnswer> chosen = RsvpAnswer.byCode(answer == null ? "" : answer);
        if (chosen.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("problem", "campaign.rsvp.chooseAnswer");
            return page(model, token, invitation.get(), null, null);
        }
        CoDesignInvitations.Outcome outcome = invitations.answer(invitation.get().id(), chosen.get(), clock.dateTime());
        return page(model, token, invitations.invitation(invitation.get().id()).orElseThrow(), chosen.get(), outcome);
    }

    private Optional<Invitation> check(String token, HttpServletResponse response) {
        RsvpLinks.Verdict verdict = links.verify(token, clock.now());
        if (verdict.status() == RsvpLinks.Verdict.Status.INVALID) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return Optional.empty();
        }
        Optional<Invitation> invitation = invitations.invitation(verdict.invitationId());
        if (invitation.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return Optional.empty();
        }
        if (verdict.status() == RsvpLinks.Verdict.Status.EXPIRED) {
            response.setStatus(HttpStatus.GONE.value());
            return Optional.empty();
        }
        return invitation;
    }


    private String refusal(Model model, HttpServletResponse response) {
        model.addAttribute("expired", response.getStatus() == HttpStatus.GONE.value());
        model.addAttribute("tooMany", response.getStatus() == HttpStatus.TOO_MANY_REQUESTS.value());
        return "campaign/rsvp-refused";
    }

    private String page(Model model, String token, Invitation invitation, RsvpAnswer suggested,
                        CoDesignInvitations.Outcome outcome) {
        CoDesignSession session = invitations.session(invitation.sessionId()).orElseThrow();
        Campaign campaign = campaigns.byId(session.campaignId()).orElseThrow();
        model.addAttribute("token", token);
        model.addAttribute("invitation", invitation);
        model.addAttribute("coDesign", session);
        model.addAttribute("district", staff.districtName(campaign.districtId()).orElse(""));
        model.addAttribute("organizer", staff.nameOf(campaign.leadUsername()));
        model.addAttribute("suggested", suggested);
        model.addAttribute("outcome", outcome);
        model.addAttribute("answers", RsvpAnswer.values());
        return "campaign/rsvp";
    }
}
