package app.tandem.family;

import java.util.Optional;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Component;

import app.tandem.system.Messages;
import app.tandem.tasklist.TaskRecord;
import app.tandem.tasklist.TaskSubject;

/**
 * A caregiver update's tasks are about its student, an introduction's about its caregiver: read from the
 * instance's business key (ids only), which history keeps after the process ends, and named from Tandem's tables.
 */
@Component
class FamilyTaskSubject implements TaskSubject {

    private final HistoryService history;
    private final TaskService tasks;
    private final Families families;
    private final Messages messages;

    FamilyTaskSubject(HistoryService history, TaskService tasks, Families families, Messages messages) {
        this.history = history;
        this.tasks = tasks;
        this.families = families;
        this.messages = messages;
    }

    @Override
    public Optional<String> of(TaskRecord task) {
        boolean update = CaregiverProcesses.UPDATE_PROCESS_KEY.equals(task.processKey());
        boolean onboarding = CaregiverProcesses.ONBOARDING_PROCESS_KEY.equals(task.processKey());
        if (!update && !onboarding) {
            return Optional.empty();
        }
        Optional<Long> id = firstId(task.processInstanceId());
        if (id.isEmpty()) {
            return Optional.empty();
        }
        return update
                ? families.student(id.get()).map(s -> messages.text("family.task.student", s.fullName()))
                : families.caregiver(id.get()).map(c -> messages.text("family.task.caregiver", c.fullName()));
    }

    /** An open task of a message to a family (call, note home, review, translation) opens the message's page. */
    @Override
    public Optional<Link> link(TaskRecord task) {
        if (!task.open() || !(CaregiverProcesses.UPDATE_PROCESS_KEY.equals(task.processKey())
                || CaregiverProcesses.ONBOARDING_PROCESS_KEY.equals(task.processKey()))) {
            return Optional.empty();
        }
        // The message is the multi-instance element's variable, seen from the task's own execution.
        Object id = tasks.createTaskQuery().taskId(task.taskId()).count() == 0
                ? null : tasks.getVariable(task.taskId(), CaregiverProcesses.Var.FAMILY_MESSAGE_ID);
        return id instanceof Number messageId
                ? Optional.of(new Link(messages.text("family.task.messagePage"), "/family/messages/" + messageId))
                : Optional.empty();
    }

    /** The student's or caregiver's id: the business key's first part ({@link CaregiverProcesses}). */
    private Optional<Long> firstId(String processInstanceId) {
        HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
                .processInstanceId(processInstanceId).singleResult();
        if (instance == null || instance.getBusinessKey() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(instance.getBusinessKey().split("/")[0]));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
