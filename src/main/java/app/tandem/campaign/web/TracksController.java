package app.tandem.campaign.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import app.tandem.campaign.CampaignOverview.OwnerView;
import app.tandem.campaign.CampaignOverview;
import app.tandem.system.FieldErrors;
import app.tandem.directory.Viewer;
import app.tandem.system.NotFound;

/** An owner's own outreach tracks, their touchpoints, and the feedback they owe an answer to. */
@Controller
class TracksController {

    private final CampaignAccess access;
    private final CampaignOverview overview;

    TracksController(CampaignAccess access, CampaignOverview overview) {
        this.access = access;
        this.overview = overview;
    }

    @GetMapping("/campaign/tracks")
    String mine(Viewer viewer, Model model) {
        OwnerView mine = overview.ofOwner(viewer.username());
        if (mine.tracks().isEmpty() && mine.openFeedback().isEmpty() && !access.reads(viewer)) {
            throw NotFound.answer();
        }
        return page(model, mine, null, null, new FieldErrors());
    }

    static String page(Model model, OwnerView mine, Long answering, String answer, FieldErrors errors) {
        model.addAttribute("mine", mine);
        model.addAttribute("answering", answering);
        model.addAttribute("answer", answer);
        model.addAttribute("errors", errors);
        model.addAttribute("noErrors", new FieldErrors());
        return "campaign/tracks";
    }
}
