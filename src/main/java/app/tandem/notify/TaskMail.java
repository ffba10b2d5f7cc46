package app.tandem.notify;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import app.tandem.system.DistrictClock;
import app.tandem.system.ProcessVariables;
import app.tandem.system.TandemProperties;

/** A task as mail shows it: its name in the reader's language, its school, its due day and a link. */
@Component
class TaskMail {

    private final RuntimeService runtime;
    private final Recipients recipients;
    private final MailComposer composer;
    private final DistrictClock clock;
    private final TandemProperties properties;

    TaskMail(RuntimeService runtime, Recipients recipients, MailComposer composer, DistrictClock clock,
             TandemProperties properties) {
        this.properties = properties;
        this.runtime = runtime;
        this.recipients = recipients;
        this.composer = composer;
        this.clock = clock;
    }

    /** One line of a task in a message. */
    record Line(String name, String school, String dueOn, String link) {
    }

    Long schoolOf(String processInstanceId) {
        if (processInstanceId == null) {
            return null;
        }
        Object value = runtime.getVariable(processInstanceId, ProcessVariables.SCHOOL_ID);
        return value instanceof Number n ? n.longValue() : null;
    }

    /** The schools of many process instances in one query: by process instance, those with a school only. */
    Map<String, Long> schoolsOf(Collection<String> processInstanceIds) {
        List<String> ids = processInstanceIds.stream().filter(Objects::nonNull).distinct().toList();
        Map<String, Long> schools = new HashMap<>();
        for (int from = 0; from < ids.size(); from += 500) {
            // A process instance's own variables belong to the execution whose id is the instance's.
            runtime.createVariableInstanceQuery().variableName(ProcessVariables.SCHOOL_ID)
                    .executionIdIn(ids.subList(from, Math.min(ids.size(), from + 500)).toArray(String[]::new))
                    .disableBinaryFetching().disableCustomObjectDeserialization().list()
                    .forEach(variable -> {
                        if (variable.getValue() instanceof Number n) {
                            schools.put(variable.getExecutionId(), n.longValue());
                        }
                    });
        }
        return schools;
    }

    /** @param processDefinitionId such as school-program:3:…, whose key names the task with its task key */
    Line line(String taskId, String processDefinitionId, String taskKey, String taskName, Date due, Long schoolId,
              Locale locale) {
        return line(taskId, processDefinitionId, taskKey, taskName, due, recipients.schoolName(schoolId).orElse(""),
                locale);
    }

    private Line line(String taskId, String processDefinitionId, String taskKey, String taskName, Date due,
                      String school, Locale locale) {
        String processKey = processDefinitionId == null ? "" : processDefinitionId.split(":", 2)[0];
        // The same names as the task list's: task.<process>.<task> in the recipient's language.
        String name = composer.text(locale, "task." + processKey + "." + taskKey, taskName == null ? "" : taskName);
        return new Line(name, school, due == null ? "" : MailComposer.day(dueDay(due), locale), link(taskId));
    }

    Line line(Task task, Long schoolId, Locale locale) {
        return line(task, recipients.schoolName(schoolId).orElse(""), locale);
    }

    /** @param school the task's school's name, looked up already (empty without one) */
    Line line(Task task, String school, Locale locale) {
        return line(task.getId(), task.getProcessDefinitionId(), task.getTaskDefinitionKey(), task.getName(),
                task.getDueDate(), school, locale);
    }

    LocalDate dueDay(Date due) {
        return clock.dayOf(due);
    }

    /** The task in Tandem's task list, where its form is checked and its free text kept out of the engine. */
    String link(String taskId) {
        return properties.publicUrl() + "/tasks/" + taskId;
    }
}
