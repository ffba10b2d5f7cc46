package app.tandem.campaign.web;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.tandem.campaign.Campaign;
import app.tandem.campaign.CampaignEntry;
import app.tandem.campaign.CampaignLauncher;
import app.tandem.campaign.CampaignOverview;
import app.tandem.campaign.Campaigns;
import app.tandem.campaign.DistrictStaff;
import app.tandem.campaign.Feedback;
import app.tandem.campaign.FeedbackAnswers;
import app.tandem.campaign.FeedbackLog;
import app.tandem.campaign.HandoverEntry;
import app.tandem.campaign.OwnerHandover;
import app.tandem.campaign.PlaybookStep;
import app.tandem.system.FieldErrors;
import app.tandem.directory.Viewer;
import app.tandem.system.InvalidInputException;
import app.tandem.system.Messages;
import app.tandem.system.NotFound;

/** The district's campaigns, starting one, a campaign's overview, answering feedback and handing work over. */
@Controller
class CampaignController {

    private final CampaignAccess access;
    private final Campaigns campaigns;
    private final CampaignLauncher launcher;
    private final CampaignOverview overview;
    private final FeedbackLog feedbackLog;
    private final FeedbackAnswers answers;
    private final OwnerHandover handover;
    private final DistrictStaff staff;
    private final Messages messages;

    CampaignController(CampaignAccess access, Campaigns campaigns, CampaignLauncher launcher, CampaignOverview overview,
                       FeedbackLog feedbackLog, FeedbackAnswers answers, OwnerHandover handover, DistrictStaff staff,
                       Messages messages) {
        this.access = access;
        this.campaigns = campaigns;
        this.launcher = launcher;
        this.overview = overview;
        this.feedbackLog = feedbackLog;
        this.answers = answers;
        this.handover = handover;
        this.staff = staff;
        this.messages = messages;
    }

    @GetMapping("/campaign")
    String list(Viewer viewer, Model model) {
        if (!access.reads(viewer)) {
            if (!overview.ofOwner(viewer.username()).tracks().isEmpty()) {
                return "redirect:/campaign/tracks";
            }
            throw NotFound.answer();
        }
        String year = launcher.currentProgramYear();
        return listPage(model, viewer, new CampaignEntry(year, "", viewer.username()), new FieldErrors());
    }

    @PostMapping("/campaign")
    String start(Viewer person, @ModelAttribute CampaignEntry entry, Model model, RedirectAttributes redirect) {
        Viewer viewer = access.manager(person);
        FieldErrors errors = launcher.check(viewer.districtId(), entry);
        if (errors.isEmpty()) {
            try {
                long id = launcher.start(viewer.districtId(), viewer.username(), entry);
                redirect.addFlashAttribute("notice", messages.text("campaign.started", entry.programYear().strip()));
                return "redirect:/campaign/" + id;
            } catch (InvalidInputException refused) {
                errors.add(refused);
            }
        }
        return listPage(model, viewer, entry, errors);
    }

    @GetMapping("/campaign/{id}")
    String show(Viewer person, @PathVariable long id, Model model) {
        Campaign campaign = access.readable(person, id);
        return overviewPage(model, person, campaign, null, null, null);
    }

    @PostMapping("/campaign/{id}/feedback/{feedbackId}/answer")
    String answer(Viewer viewer, @PathVariable long id, @PathVariable long feedbackId,
                  @RequestParam(required = false) String answer, @RequestParam(required = false) String from,
                  Model model, RedirectAttributes redirect) {
        Campaign campaign = campaigns.byId(id).orElseThrow(NotFound::answer);
        Feedback feedback = feedbackLog.byId(feedbackId).orElseThrow(NotFound::answer);
        access.requireAnswerer(viewer, campaign, feedback);
        boolean fromTracks = "tracks".equals(from) || !access.readsDistrict(viewer, campaign.districtId());
        try {
            answers.answer(feedback, answer, viewer.username());
        } catch (RuntimeException e) {
            InvalidInputException invalid = invalidIn(e);
            FieldErrors errors = new FieldErrors();
            errors.add(new InvalidInputException("answerText", invalid.getMessage()));
            if (fromTracks) {
                return TracksController.page(model, overview.ofOwner(viewer.username()), feedbackId, answer, errors);
            }
            return overviewPage(model, viewer, campaign, feedbackId, answer, errors);
        }
        redirect.addFlashAttribute("notice", messages.text("campaign.feedback.answered"));
        return fromTracks ? "redirect:/campaign/tracks" : "redirect:/campaign/" + id + "#feedback";
    }

    @GetMapping("/campaign/{id}/handover")
    String handoverForm(Viewer person, @PathVariable long id, Model model) {
        Campaign campaign = access.managed(person, id);
        return handoverPage(model, campaign, new HandoverEntry("", "", ""), new FieldErrors());
    }

    @PostMapping("/campaign/{id}/handover")
    String handOver(Viewer person, @PathVariable long id, @ModelAttribute HandoverEntry entry, Model model,
                    RedirectAttributes redirect) {
        Campaign campaign = access.managed(person, id);
        FieldErrors errors = handover.check(campaign, entry);
        if (errors.isEmpty()) {
            try {
                var done = handover.handOver(campaign, entry, person.username());
                redirect.addFlashAttribute("notice", messages.text("campaign.handover.done",
                        staff.nameOf(done.fromUsername()), staff.nameOf(done.toUsername()), done.tracksMoved(),
                        done.tasksMoved(), done.contactsMoved()));
                return "redirect:/campaign/" + id;
            } catch (InvalidInputException refused) {
                errors.add(refused);
            }
        }
        return handoverPage(model, campaign, entry, errors);
    }

    private String listPage(Model model, Viewer viewer, CampaignEntry entry, FieldErrors errors) {
        model.addAttribute("campaigns", campaigns.ofDistrict(viewer.districtId()));
        model.addAttribute("mayStart", viewer.manager() && viewer.districtId() != null);
        model.addAttribute("entry", entry);
        model.addAttribute("errors", errors);
        model.addAttribute("defaultEnd", CampaignLauncher.defaultEndOf(entry.programYear()));
        if (viewer.districtId() != null) {
            model.addAttribute("managers", staff.managers(viewer.districtId()));
        } else {
            model.addAttribute("managers", List.of());
        }
        return "campaign/list";
    }

    private String overviewPage(Model model, Viewer viewer, Campaign campaign, Long answering, String answer,
                                FieldErrors errors) {
        model.addAttribute("view", overview.of(campaign));
        model.addAttribute("manages", access.managesDistrict(viewer, campaign.districtId()));
        model.addAttribute("me", viewer.username());
        model.addAttribute("steps", PlaybookStep.values());
        model.addAttribute("answering", answering);
        model.addAttribute("answer", answer);
        model.addAttribute("errors", errors == null ? new FieldErrors() : errors);
        model.addAttribute("noErrors", new FieldErrors());
        return "campaign/overview";
    }

    private String handoverPage(Model model, Campaign campaign, HandoverEntry entry, FieldErrors errors) {
        model.addAttribute("campaign", campaign);
        model.addAttribute("entry", entry);
        model.addAttribute("errors", errors);
        model.addAttribute("fromOptions", handover.peopleWithOpenWork(campaign).stream()
                .map(username -> new Person(username, staff.nameOf(username))).toList());
        model.addAttribute("staff", staff.everyone(campaign.districtId()));
        model.addAttribute("history", handover.history(campaign.id()));
        return "campaign/handover";
    }

    /** A username with the name people know them by. */
    record Person(String username, String name) {
    }

    static InvalidInputException invalidIn(RuntimeException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidInputException invalid) {
                return invalid;
            }
        }
        throw e;
    }
}
