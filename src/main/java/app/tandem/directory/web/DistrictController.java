package app.tandem.directory.web;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.tandem.directory.ChangeSource;
import app.tandem.directory.District;
import app.tandem.directory.DistrictEntry;
import app.tandem.directory.DistrictSetting;
import app.tandem.directory.DistrictSettings;
import app.tandem.directory.DistrictSetup;
import app.tandem.directory.Schools;
import app.tandem.system.NotFound;
import app.tandem.directory.Viewer;
import app.tandem.system.DistrictClock;
import app.tandem.system.FieldErrors;
import app.tandem.system.Messages;

/**
 * A district's settings: its name, time zone, program year and lead times, each with its meaning and default.
 * An operator also sets up new districts; the first one on an empty install.
 */
@Controller
class DistrictController {

    private static final List<String> ZONES = ZoneId.getAvailableZoneIds().stream().sorted().toList();

    private final DistrictScope scope;
    private final DistrictSetup setup;
    private final DistrictSettings settings;
    private final Schools schools;
    private final DistrictClock clock;
    private final Messages messages;

    DistrictController(DistrictScope scope, DistrictSetup setup, DistrictSettings settings, Schools schools,
                       DistrictClock clock, Messages messages) {
        this.scope = scope;
        this.setup = setup;
        this.settings = settings;
        this.schools = schools;
        this.clock = clock;
        this.messages = messages;
    }

    @GetMapping("/admin/district")
    String page(Viewer viewer, @RequestParam(required = false) Long district, Model model) {
        Optional<District> shown = scope.district(viewer, district);
        if (shown.isEmpty()) {
            if (schools.districtCount() == 0) {
                return "redirect:/admin/district/new";
            }
            model.addAttribute("districts", schools.districts());
            return "directory/districts";
        }
        District d = shown.get();
        DistrictEntry entry = DistrictEntry.of(d, settings.programYear(d.id()), settings.chosen(d.id()));
        return form(model, viewer, d, entry, new FieldErrors());
    }

    @PostMapping("/admin/district")
    String save(Viewer viewer, @RequestParam(required = false) Long district, @RequestParam Map<String, String> form,
                Model model, RedirectAttributes redirect) {
        District d = scope.district(viewer, district).orElseThrow(NotFound::answer);
        DistrictEntry entry = DistrictEntry.of(form);
        FieldErrors errors = setup.check(entry, false);
        if (!errors.isEmpty()) {
            return form(model, viewer, d, entry, errors);
        }
        setup.change(d.id(), entry, viewer.username(), ChangeSource.PAGE);
        redirect.addFlashAttribute("notice", messages.text("district.saved", entry.districtName().strip()));
        return "redirect:/admin/district?district=" + d.id();
    }

    @GetMapping("/admin/district/new")
    String blank(Viewer viewer, Model model) {
        DistrictScope.operatorsOnly(viewer);
        return form(model, viewer, null, DistrictEntry.blank(clock.configuredZone()), new FieldErrors());
    }

    @PostMapping("/admin/district/new")
    String create(Viewer viewer, @RequestParam Map<String, String> form, Locale locale, Model model,
                  RedirectAttributes redirect) {
        DistrictScope.operatorsOnly(viewer);
        DistrictEntry entry = DistrictEntry.of(form);
        FieldErrors errors = setup.check(entry, true);
        if (!errors.isEmpty()) {
            return form(model, viewer, null, entry, errors);
        }
        District district = setup.create(entry, viewer.username(), locale.getLanguage());
        redirect.addFlashAttribute("notice", messages.text("district.created", district.name()));
        return "redirect:/admin/schools?district=" + district.id();
    }

    private String form(Model model, Viewer viewer, District district, DistrictEntry entry, FieldErrors errors) {
        model.addAttribute("district", district);
        model.addAttribute("entry", entry);
        model.addAttribute("errors", errors);
        model.addAttribute("settings", List.of(DistrictSetting.values()));
        model.addAttribute("defaults", settings);
        model.addAttribute("zones", ZONES);
        model.addAttribute("otherDistricts", viewer.operator() ? schools.districts() : List.of());
        return "directory/district";
    }
}
