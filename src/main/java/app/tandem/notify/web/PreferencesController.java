package app.tandem.notify.web;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.tandem.directory.Viewer;
import app.tandem.notify.Delivery;
import app.tandem.notify.StaffPreferences;
import app.tandem.notify.TaskPreferences;
import app.tandem.system.Messages;

/** Each signed-in person's own notification choices; nobody can see or change anyone else's. */
@Controller
class PreferencesController {

    static final List<String> LANGUAGES = List.of("en", "es");

    private final StaffPreferences preferences;
    private final Messages messages;

    PreferencesController(StaffPreferences preferences, Messages messages) {
        this.preferences = preferences;
        this.messages = messages;
    }

    @GetMapping("/notifications/preferences")
    String show(Viewer who, Model model) {
        StaffPreferences.Choices chosen = preferences.of(who.username());
        PreferencesForm form = new PreferencesForm(chosen.tasks().assigned().name(), chosen.tasks().offered().name(),
                Objects.requireNonNullElse(chosen.language(), "en"));
        return page(model, who, chosen.onStaff(), form);
    }

    @PostMapping("/notifications/preferences")
    String save(@ModelAttribute PreferencesForm form, Viewer who, Model model, RedirectAttributes redirect) {
        if (!preferences.onStaff(who.username())) {
            return page(model, who, false, form);
        }
        Delivery assigned = delivery(form.assigned());
        Delivery offered = delivery(form.offered());
        String field = assigned == null ? "assigned" : offered == null ? "offered"
                : !LANGUAGES.contains(form.language()) ? "language" : null;
        if (field != null) {
            model.addAttribute("errorField", field);
            model.addAttribute("error", messages.text("preferences.invalid", messages.text("preferences." + field)));
            return page(model, who, true, form);
        }
        preferences.save(who.username(), new TaskPreferences(assigned, offered), form.language());
        redirect.addFlashAttribute("notice", messages.text(Locale.forLanguageTag(form.language()), "preferences.saved"));
        return "redirect:/notifications/preferences";
    }

    private String page(Model model, Viewer who, boolean hasAddress, PreferencesForm form) {
        model.addAttribute("form", form);
        model.addAttribute("hasAddress", hasAddress);
        model.addAttribute("deliveries", Delivery.values());
        model.addAttribute("languages", LANGUAGES);
        model.addAttribute("mayReadOutbox", StaffOnly.mayReadOutbox(who));
        return "notify/preferences";
    }

    private static Delivery delivery(String value) {
        for (Delivery delivery : Delivery.values()) {
            if (delivery.name().equals(value)) {
                return delivery;
            }
        }
        return null;
    }
}
