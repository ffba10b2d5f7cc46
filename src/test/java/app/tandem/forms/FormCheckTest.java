package app.tandem.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.variable.value.BooleanValue;
import org.camunda.bpm.engine.variable.value.DateValue;
import org.camunda.bpm.engine.variable.value.DoubleValue;
import org.camunda.bpm.engine.variable.value.IntegerValue;
import org.camunda.bpm.engine.variable.value.StringValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import app.tandem.forms.FormSchema;
import app.tandem.forms.FormSchemaReader;
import app.tandem.forms.FormCheck;
import app.tandem.forms.FormSubmission;
import app.tandem.forms.FormText;
import app.tandem.system.DistrictClock;
import app.tandem.system.DistrictZones;
import app.tandem.system.TandemProperties;

/** The server's own reading of a form: values typed, rules from the schema, nothing but its keys. */
class FormCheckTest {

    private static final ZoneId ZONE = ZoneId.of("America/Chicago");

    private final FormCheck check = new FormCheck(new FormText(messages()),
            new DistrictClock(new TandemProperties("http://localhost", ZONE), DistrictZones.NONE), new ObjectMapper());

    private final FormSchema form = read("""
            {"id": "sample", "components": [
              {"type": "text", "text": "#### Intro", "id": "intro"},
              {"type": "textfield", "key": "code", "label": "Code",
               "validate": {"required": true, "minLength": 2, "maxLength": 5, "pattern": "[a-z]+"}},
              {"type": "textarea", "key": "notes", "label": "Notes"},
              {"type": "number", "key": "students", "label": "Students", "decimalDigits": 0,
               "validate": {"min": 0, "max": 40}},
              {"type": "number", "key": "hours", "label": "Hours", "decimalDigits": 1},
              {"type": "checkbox", "key": "agreed", "label": "Agreed"},
              {"type": "checklist", "key": "points", "label": "Points",
               "values": [{"label": "A", "value": "a"}, {"label": "B", "value": "b"}]},
              {"type": "radio", "key": "channel", "label": "Channel",
               "values": [{"label": "Email", "value": "email"}, {"label": "Phone", "value": "phone"}]},
              {"type": "select", "key": "action", "label": "Action", "validate": {"required": true},
               "values": [{"label": "Call", "value": "call"}]},
              {"type": "datetime", "subtype": "date", "key": "heldOn", "dateLabel": "Held on"},
              {"type": "group", "components": [
                {"type": "textfield", "key": "inside", "label": "Inside a group"}]},
              {"type": "textfield", "key": "shown", "label": "Shown only", "disabled": true}
            ]}""");

    @Test
    void shouldTypeEachValueAndKeepFreeTextTransient() {
        FormSubmission submission = check.check(form, Map.ofEntries(
                Map.entry("code", List.of("abc")),
                Map.entry("notes", List.of("Line one\nLine two")),
                Map.entry("students", List.of("12")),
                Map.entry("hours", List.of("2.5")),
                Map.entry("agreed", List.of("true")),
                Map.entry("points", List.of("b", "a", "b")),
                Map.entry("channel", List.of("phone")),
                Map.entry("action", List.of("call")),
                Map.entry("heldOn", List.of("2027-01-04")),
                Map.entry("inside", List.of("in a group"))), component -> component.values());

        assertThat(submission.valid()).isTrue();
        Map<String, TypedValue> typed = typed(submission);
        assertThat(typed.get("code")).isInstanceOf(StringValue.class).matches(TypedValue::isTransient);
        assertThat(typed.get("notes").getValue()).isEqualTo("Line one\nLine two");
        assertThat(typed.get("notes").isTransient()).isTrue();
        assertThat(typed.get("students")).isInstanceOf(IntegerValue.class);
        assertThat(typed.get("students").getValue()).isEqualTo(12);
        assertThat(typed.get("hours")).isInstanceOf(DoubleValue.class);
        assertThat(typed.get("hours").getValue()).isEqualTo(2.5);
        assertThat(typed.get("agreed")).isInstanceOf(BooleanValue.class);
        assertThat(typed.get("agreed").getValue()).isEqualTo(true);
        assertThat(typed.get("points").getValue().toString()).isEqualTo("[\"b\",\"a\"]");
        assertThat(typed.get("channel").getValue()).isEqualTo("phone");
        assertThat(typed.get("channel").isTransient()).as("a choice is not free text").isFalse();
        assertThat(typed.get("heldOn")).isInstanceOf(DateValue.class);
        assertThat(typed.get("heldOn").getValue())
                .isEqualTo(Date.from(LocalDate.of(2027, 1, 4).atStartOfDay(ZONE).toInstant()));
        assertThat(typed.get("inside").getValue()).isEqualTo("in a group");
        assertThat(submission.values()).containsEntry("students", 12).containsEntry("heldOn", "2027-01-04")
                .containsEntry("points", List.of("b", "a"));
    }

    @Test
    void shouldDropKeysTheFormDoesNotHaveAndInputsItOnlyShows() {
        FormSubmission submission = check.check(form, Map.of(
                "code", List.of("abc"), "action", List.of("call"),
                "schoolId", List.of("999"), "shown", List.of("changed"), "_csrf", List.of("token")),
                component -> component.values());

        assertThat(submission.valid()).isTrue();
        assertThat(submission.variables().keySet()).containsExactlyInAnyOrder("code", "action", "agreed");
        assertThat(submission.values()).doesNotContainKeys("schoolId", "shown", "_csrf");
    }

    @Test
    void shouldRefuseEachRuleOfTheSchemaNamingTheFieldAndKeepWhatWasEntered() {
        FormSubmission submission = check.check(form, Map.of(
                "code", List.of("ABCDEF"),
                "students", List.of("41"),
                "hours", List.of("2.25"),
                "points", List.of("a", "z"),
                "channel", List.of("fax"),
                "heldOn", List.of("4 January")), component -> component.values());

        assertThat(submission.valid()).isFalse();
        assertThat(submission.errors()).containsExactly(
                Map.entry("code", "Code: must be at most 5 characters."),
                Map.entry("students", "Students: must be between 0 and 40."),
                Map.entry("hours", "Hours: can have at most 1 digits after the decimal point."),
                Map.entry("points", "Points: 'z' is not one of the choices."),
                Map.entry("channel", "Channel: 'fax' is not one of the choices."),
                Map.entry("action", "Action: is required."),
                Map.entry("heldOn", "Held on: '4 January' is not a date; use the form YYYY-MM-DD."));
        assertThat(submission.entered()).containsEntry("code", List.of("ABCDEF"))
                .containsEntry("points", List.of("a", "z"));
        assertThat(submission.variables()).isNull();
    }

    @Test
    void shouldCheckLengthAndPatternOfText() {
        assertThat(errorOf("code", "a")).isEqualTo("Code: must be at least 2 characters.");
        assertThat(errorOf("code", "ab1")).isEqualTo("Code: is not in the expected format.");
        assertThat(errorOf("code", " ")).isEqualTo("Code: is required.");
        assertThat(errorOf("students", "twelve")).isEqualTo("Students: 'twelve' is not a number.");
        assertThat(errorOf("students", "1.5")).isEqualTo("Students: '1.5' is not a whole number.");
    }

    private String errorOf(String key, String value) {
        return check.check(form, Map.of(key, List.of(value), "action", List.of("call")), component -> component.values())
                .errors().get(key);
    }

    private static Map<String, TypedValue> typed(FormSubmission submission) {
        Map<String, TypedValue> typed = new java.util.HashMap<>();
        submission.variables().keySet().forEach(key -> typed.put(key, submission.variables().getValueTyped(key)));
        return typed;
    }

    private static FormSchema read(String json) {
        try {
            return new FormSchemaReader(new ObjectMapper())
                    .read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("messages", "messages-tasklist");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        messages.setDefaultLocale(Locale.ENGLISH);
        return messages;
    }
}
