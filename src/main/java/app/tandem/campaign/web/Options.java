package app.tandem.campaign.web;

import org.springframework.ui.Model;

import app.tandem.campaign.Channel;
import app.tandem.campaign.Checks;
import app.tandem.campaign.DistrictStaff;
import app.tandem.campaign.Influence;
import app.tandem.campaign.Stance;
import app.tandem.campaign.StakeholderGroup;

/** The choices the campaign's forms offer. */
final class Options {

    private Options() {
    }

    static void add(Model model, DistrictStaff staff, long districtId) {
        model.addAttribute("groups", StakeholderGroup.values());
        model.addAttribute("stances", Stance.values());
        model.addAttribute("influences", Influence.values());
        model.addAttribute("channels", Channel.values());
        model.addAttribute("languages", Checks.LANGUAGES);
        model.addAttribute("staff", staff.everyone(districtId));
        model.addAttribute("managers", staff.managers(districtId));
    }
}
