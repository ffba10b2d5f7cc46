package app.tandem.campaign;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;

import app.tandem.forms.SubmittedForm;
import app.tandem.system.DistrictClock;

/** What the campaign's task forms check beyond a single value: required text, allowed options, past days. */
@Component
class FormChecks {

    private final Checks checks;
    private final DistrictClock clock;

    FormChecks(Checks checks, DistrictClock clock) {
        this.checks = checks;
        this.clock = clock;
    }

    String requiredText(SubmittedForm form, String key, int maxLength) {
        String text = form.text(key, maxLength);
        if (text == null) {
            throw checks.invalid(key, "invalid.required");
        }
        return text;
    }

    /** One of the form's options; null when none was chosen and none is required. */
    String option(SubmittedForm form, String key, List<String> allowed, boolean required) {
        String value = form.text(key, 100);
        if (value == null) {
            if (required) {
                throw checks.invalid(key, "invalid.required");
            }
            return null;
        }
        if (!allowed.contains(value)) {
            throw checks.invalid(key, "invalid.option", value);
        }
        return value;
    }

    List<String> options(SubmittedForm form, String key, List<String> allowed, boolean required) {
        List<String> chosen = form.choices(key);
        for (String value : chosen) {
            if (!allowed.contains(value)) {
                throw checks.invalid(key, "invalid.option", value);
            }
        }
        if (required && chosen.isEmpty()) {
            throw checks.invalid(key, "invalid.required");
        }
        return allowed.stream().filter(chosen::contains).toList();
    }

    /** A day something was done: given, and not in the future. */
    LocalDate doneOn(SubmittedForm form, String key) {
        LocalDate day = form.requiredDate(key);
        if (day.isAfter(clock.today())) {
            throw checks.invalid(key, "invalid.inFuture", day);
        }
        return day;
    }

    static long campaignId(org.camunda.bpm.engine.delegate.VariableScope scope) {
        return ((Number) scope.getVariable(StakeholderCampaign.Var.CAMPAIGN_ID)).longValue();
    }
}
