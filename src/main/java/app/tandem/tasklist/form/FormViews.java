package app.tandem.tasklist.form;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.stereotype.Component;

import app.tandem.forms.FormSchema;
import app.tandem.forms.FormComponent;
import app.tandem.forms.FormOption;
import app.tandem.forms.FormRules;
import app.tandem.forms.FormSubmission;
import app.tandem.forms.FormText;
import app.tandem.system.DistrictClock;
import app.tandem.system.Formats;

/** Turns a form and what was entered into what the templates show: to fill in, or to read back. */
@Component
public class FormViews {

    private final FormText text;
    private final DistrictClock clock;
    private final Formats formats;

    FormViews(FormText text, DistrictClock clock, Formats formats) {
        this.formats = formats;
        this.text = text;
        this.clock = clock;
    }

    public List<FieldView> fields(FormSubmission submission, Function<FormComponent, List<FormOption>> options) {
        FormSchema form = submission.form();
        List<FieldView> fields = new ArrayList<>();
        for (FormComponent component : form.components()) {
            switch (component.type() == null ? "" : component.type()) {
                case "text" -> fields.add(new FieldView("text", null, null, null, null,
                        TextBlock.of(text.text(form, component)), List.of(), null, false, null, false, null, null,
                        null, null, null));
                case "separator" -> fields.add(new FieldView("separator", null, null, null, null, List.of(),
                        List.of(), null, false, null, false, null, null, null, null, null));
                default -> {
                    // A disabled or read-only input only shows a value form-js would fill in from the
                    // process; Tandem neither fills it nor takes it, so it is left out.
                    if (component.takesInput()) {
                        fields.add(field(form, component, submission, options));
                    }
                }
            }
        }
        return fields;
    }

    public List<AnswerView> answers(FormSchema form, Map<String, Object> values,
                                    Function<FormComponent, List<FormOption>> options) {
        List<AnswerView> answers = new ArrayList<>();
        for (FormComponent input : form.inputs()) {
            Object value = values.get(input.key());
            answers.add(new AnswerView(text.label(form, input), answer(form, input, value, options),
                    "textarea".equals(input.type())));
        }
        return answers;
    }

    private FieldView field(FormSchema form, FormComponent component, FormSubmission submission,
                            Function<FormComponent, List<FormOption>> options) {
        String inputId = "field-" + component.key().replaceAll("[^A-Za-z0-9_-]", "-");
        List<String> entered = submission.entered().getOrDefault(component.key(), List.of());
        String value = entered.isEmpty() ? "" : entered.get(0);
        List<FieldView.OptionView> choices = new ArrayList<>();
        if (component.hasOptions()) {
            int n = 0;
            for (FormOption option : options.apply(component)) {
                choices.add(new FieldView.OptionView(inputId + "-" + n++, text.option(form, component, option),
                        option.value(), entered.contains(option.value())));
            }
        }
        boolean checked = entered.contains("true") || entered.contains("on");
        FormRules rules = component.rules();
        String inputType = null;
        String min = rules.min() == null ? null : rules.min().toPlainString();
        String max = rules.max() == null ? null : rules.max().toPlainString();
        String step = null;
        if ("datetime".equals(component.type())) {
            inputType = switch (component.dateKind()) {
                case "time" -> "time";
                case "datetime" -> "datetime-local";
                default -> "date";
            };
            if (component.disallowPassedDates()) {
                min = clock.today().toString();
            }
        }
        if ("number".equals(component.type())) {
            Integer digits = component.decimalDigits();
            step = digits == null ? "any" : digits == 0 ? "1" : "0." + "0".repeat(digits - 1) + "1";
        }
        return new FieldView(component.type(), component.key(), inputId, text.label(form, component),
                text.description(form, component), List.of(), choices, value, checked,
                submission.errors().get(component.key()), rules.required(), inputType, rules.maxLength(), min, max,
                step);
    }

    private List<String> answer(FormSchema form, FormComponent input, Object value,
                                Function<FormComponent, List<FormOption>> options) {
        if (value == null) {
            return List.of();
        }
        if ("checkbox".equals(input.type())) {
            return List.of(text.message(Boolean.TRUE.equals(value) ? "tasklist.answer.yes" : "tasklist.answer.no"));
        }
        if (input.hasOptions()) {
            List<FormOption> offered = options.apply(input);
            Collection<?> chosen = value instanceof Collection<?> many ? many : List.of(value);
            return chosen.stream().map(String::valueOf)
                    .map(chosenValue -> offered.stream().filter(option -> option.value().equals(chosenValue))
                            .findFirst()
                            .map(option -> text.option(form, input, option))
                            .orElse(chosenValue))
                    .toList();
        }
        if ("datetime".equals(input.type())) {
            return List.of(moment(input, value.toString()));
        }
        return List.of(value.toString());
    }

    private String moment(FormComponent input, String value) {
        try {
            return switch (input.dateKind()) {
                case "datetime" -> formats.moment(LocalDateTime.parse(value));
                case "time" -> value;
                default -> formats.day(LocalDate.parse(value));
            };
        } catch (DateTimeParseException e) {
            return value;
        }
    }
}
