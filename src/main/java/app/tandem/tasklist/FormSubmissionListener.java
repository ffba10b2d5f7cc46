package app.tandem.tasklist;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.tandem.forms.CompletedBy;
import app.tandem.forms.FormCatalog;
import app.tandem.forms.FormCheck;
import app.tandem.forms.FormComponent;
import app.tandem.forms.FormSchema;
import app.tandem.forms.FormSubmission;
import app.tandem.system.DistrictClock;
import app.tandem.system.InvalidInputException;
import app.tandem.system.ProcessVariables;

/**
 * The one completion path, whatever the door: Tandem's task page, Camunda's own Tasklist or the REST API. Before
 * a task's own listeners run, the submitted values are checked against the task's deployed form, the same checks
 * Tandem's page makes, and kept as the task's submission, so Tandem reads back what was entered wherever it was
 * entered. An incomplete or wrong submission is refused with the field's message (a 400 from the REST API).
 */
@Component
class FormSubmissionListener implements TaskListener {

    private final DistrictClock clock;
    private final FormCatalog forms;
    private final FormCheck check;
    private final SchoolStaffOptions options;
    private final TaskSubmissions submissions;
    private final ObjectMapper json;

    FormSubmissionListener(DistrictClock clock, FormCatalog forms, FormCheck check, SchoolStaffOptions options,
                           TaskSubmissions submissions, ObjectMapper json) {
        this.clock = clock;
        this.forms = forms;
        this.check = check;
        this.options = options;
        this.submissions = submissions;
        this.json = json;
    }

    @Override
    public void notify(DelegateTask task) {
        Optional<FormSchema> form = forms.forTask(task.getProcessDefinitionId(), task.getTaskDefinitionKey());
        if (form.isEmpty()) {
            return;
        }
        Map<String, List<String>> entered = new LinkedHashMap<>();
        for (FormComponent input : form.get().inputs()) {
            entered.put(input.key(), asEntered(input, task.getVariable(input.key())));
        }
        Object school = task.getVariable(ProcessVariables.SCHOOL_ID);
        FormSubmission submission = check.check(form.get(), entered,
                options.forSchool(school instanceof Number n ? n.longValue() : null));
        if (!submission.valid()) {
            Map.Entry<String, String> first = submission.errors().entrySet().iterator().next();
            throw new InvalidInputException(first.getKey(), first.getValue());
        }
        submissions.record(task.getId(), form.get().id(), submission.values(), CompletedBy.of(task),
                clock.now());
    }

    /** A value as a person would have entered it on a page: text, each of a checklist's choices, a day. */
    private List<String> asEntered(FormComponent input, Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof Date moment) {
            LocalDateTime local = LocalDateTime.ofInstant(moment.toInstant(), clock.zone());
            return List.of("datetime".equals(input.dateKind()) ? local.toString() : local.toLocalDate().toString());
        }
        if (value instanceof LocalDate day) {
            return List.of(day.toString());
        }
        if (value instanceof Collection<?> items) {
            return items.stream().map(String::valueOf).toList();
        }
        if (value instanceof SpinJsonNode node) {
            return jsonChoices(node.toString());
        }
        String text = value.toString();
        if ("checklist".equals(input.type()) && text.strip().startsWith("[")) {
            return jsonChoices(text);
        }
        return List.of(text);
    }

    private List<String> jsonChoices(String text) {
        List<String> chosen = new ArrayList<>();
        try {
            for (JsonNode item : json.readTree(text)) {
                chosen.add(item.asText());
            }
        } catch (JsonProcessingException e) {
            chosen.add(text);
        }
        return chosen;
    }
}
