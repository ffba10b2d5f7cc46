package app.tandem.campaign.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.tandem.campaign.Campaign;
import app.tandem.campaign.CommunicationPlans;
import app.tandem.campaign.DistrictStaff;
import app.tandem.campaign.PlanDecisions;
import app.tandem.campaign.PlanRow;
import app.tandem.campaign.PlanRowEntry;
import app.tandem.system.FieldErrors;
import app.tandem.directory.Viewer;
import app.tandem.system.InvalidInputException;
import app.tandem.system.Messages;
import app.tandem.system.NotFound;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The plan editor: its rows while the plan is with its author, sending it for approval, a manager's approval or
 * send-back with comments, and the plan as CSV.
 */
@Controller
class PlanController {

    private final CampaignAccess access;
    private final CommunicationPlans plans;
    private final PlanDecisions decisions;
    private final DistrictStaff staff;
    private final PlanCsv csv;
    private final Messages messages;

    PlanController(CampaignAccess access, CommunicationPlans plans, PlanDecisions decisions, DistrictStaff staff,
                   PlanCsv csv, Messages messages) {
        this.access = access;
        this.plans = plans;
        this.decisions = decisions;
        this.staff = staff;
        this.csv = csv;
        this.messages = messages;
    }

    @GetMapping("/campaign/{id}/plan")
    String show(Viewer person, @PathVariable long id, @RequestParam(required = false) Long edit, Model model) {
        Campaign campaign = access.readable(person, id);
        PlanRowEntry entry = PlanRowEntry.blank();
        if (edit != null) {
            PlanRow row = plans.row(edit).filter(r -> r.campaignId() == id).orElseThrow(NotFound::answer);
            entry = PlanRowEntry.of(row);
        }
        return page(model, person, campaign, edit, entry, new FieldErrors(), null, null);
    }

    @PostMapping("/campaign/{id}/plan/rows")
    String add(Viewer person, @PathVariable long id, @ModelAttribute PlanRowEntry entry, Model model,
               RedirectAttributes redirect) {
        Campaign campaign = access.managed(person, id);
        return save(person, campaign, null, entry, model, redirect);
    }

    @PostMapping("/campaign/{id}/plan/rows/{rowId}")
    String update(Viewer person, @PathVariable long id, @PathVariable long rowId,
                  @ModelAttribute PlanRowEntry entry, Model model, RedirectAttributes redirect) {
        Campaign campaign = access.managed(person, id);
        plans.row(rowId).filter(r -> r.campaignId() == id).orElseThrow(NotFound::answer);
        return save(person, campaign, rowId, entry, model, redirect);
    }

    @PostMapping("/campaign/{id}/plan/rows/{rowId}/delete")
    String remove(Viewer person, @PathVariable long id, @PathVariable long rowId, Model model,
                  RedirectAttributes redirect) {
        Campaign campaign = access.managed(person, id);
        plans.row(rowId).filter(r -> r.campaignId() == id).orElseThrow(NotFound::answer);
        if (!campaign.planEditable()) {
            return page(model, person, campaign, null, PlanRowEntry.blank(), new FieldErrors(), locked(), null);
        }
        plans.remove(campaign, rowId);
        redirect.addFlashAttribute("notice", messages.text("campaign.plan.rowRemoved"));
        return "redirect:/campaign/" + id + "/plan";
    }

    @PostMapping("/campaign/{id}/plan/submit")
    String submit(Viewer person, @PathVariable long id, Model model, RedirectAttributes redirect) {
        Campaign campaign = access.managed(person, id);
        try {
            decisions.submit(campaign, person.username());
        } catch (RuntimeException e) {
            return page(model, person, campaign, null, PlanRowEntry.blank(), new FieldErrors(),
                    CampaignController.invalidIn(e).getMessage(), null);
        }
        redirect.addFlashAttribute("notice", messages.text("campaign.plan.submitted"));
        return "redirect:/campaign/" + id + "/plan";
    }

    @PostMapping("/campaign/{id}/plan/decision")
    String decide(Viewer person, @PathVariable long id, @RequestParam(required = false) String planDecision,
                  @RequestParam(required = false) String reviewComment, Model model, RedirectAttributes redirect) {
        Campaign campaign = access.managed(person, id);
        try {
            decisions.decide(campaign, planDecision, reviewComment, person.username());
        } catch (RuntimeException e) {
            InvalidInputException invalid = CampaignController.invalidIn(e);
            FieldErrors errors = new FieldErrors();
            errors.add(invalid);
            return page(model, person, campaign, null, PlanRowEntry.blank(), errors, null,
                    new Decision(planDecision, reviewComment));
        }
        redirect.addFlashAttribute("notice", messages.text("approve".equals(planDecision)
                ? "campaign.plan.approved" : "campaign.plan.sentBack"));
        return "redirect:/campaign/" + id + ("approve".equals(planDecision) ? "" : "/plan");
    }

    @GetMapping("/campaign/{id}/plan.csv")
    void export(Viewer person, @PathVariable long id, HttpServletResponse response) throws IOException {
        Campaign campaign = access.readable(person, id);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"communication-plan-"
                + campaign.businessKey().replace('/', '-') + ".csv\"");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        csv.write(plans.rows(campaign.id()), out);
        out.flush();
    }

    /** The decision a manager was making when something was wrong with it. */
    record Decision(String planDecision, String reviewComment) {
    }

    private String save(Viewer person, Campaign campaign, Long rowId, PlanRowEntry entry, Model model,
                        RedirectAttributes redirect) {
        if (!campaign.planEditable()) {
            return page(model, person, campaign, rowId, entry, new FieldErrors(), locked(), null);
        }
        FieldErrors errors = plans.check(campaign, entry);
        if (!errors.isEmpty()) {
            return page(model, person, campaign, rowId, entry, errors, null, null);
        }
        if (rowId == null) {
            plans.add(campaign, entry);
        } else {
            plans.update(campaign, rowId, entry);
        }
        redirect.addFlashAttribute("notice", messages.text("campaign.plan.rowSaved"));
        return "redirect:/campaign/" + campaign.id() + "/plan";
    }

    private String locked() {
        return messages.text("field.plan") + ": " + messages.text("campaign.invalid.planLocked");
    }

    private String page(Model model, Viewer viewer, Campaign campaign, Long editing, PlanRowEntry entry,
                        FieldErrors errors, String problem, Decision decision) {
        model.addAttribute("campaign", campaign);
        model.addAttribute("rows", plans.rows(campaign.id()));
        model.addAttribute("reviews", plans.reviews(campaign.id()));
        model.addAttribute("manages", access.managesDistrict(viewer, campaign.districtId()));
        model.addAttribute("drafting", decisions.drafting(campaign));
        model.addAttribute("awaitingDecision", decisions.awaitsDecision(campaign));
        model.addAttribute("editing", editing);
        model.addAttribute("entry", entry);
        model.addAttribute("errors", errors);
        model.addAttribute("problem", problem);
        model.addAttribute("decision", decision == null ? new Decision("", "") : decision);
        Options.add(model, staff, campaign.districtId());
        return "campaign/plan";
    }
}
