package app.tandem.tasklist;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import app.tandem.directory.StaffDirectory;
import app.tandem.directory.StaffMember;
import app.tandem.directory.Viewer;
import app.tandem.forms.FormCatalog;
import app.tandem.forms.FormCheck;
import app.tandem.forms.FormComponent;
import app.tandem.forms.FormOption;
import app.tandem.forms.FormSchema;
import app.tandem.forms.FormSubmission;
import app.tandem.system.DistrictClock;
import app.tandem.system.InvalidInputException;
import app.tandem.tasklist.TaskAccess.AccessibleTask;
import app.tandem.tasklist.TaskActions.TaskAction;

/**
 * What a person does to a task: claim, unclaim, hand over, set dates, comment, complete. Each
 * action asks {@link TaskAccess} first; an action on a task the person may not see fails as
 * "not found", and an action overtaken by a colleague's says what happened instead.
 */
@Service
public class TaskWork {

    static final int COMMENT_LIMIT = 2000;

    private final TaskAccess access;
    private final TaskService tasks;
    private final IdentityService identity;
    private final StaffDirectory staff;
    private final FormCatalog forms;
    private final FormCheck check;
    private final SchoolStaffOptions options;
    private final TaskComments comments;
    private final TaskLabels labels;
    private final DistrictClock clock;
    private final TransactionTemplate transaction;
    private final TaskActions actions;
    private final RuntimeService runtime;
    private final org.springframework.beans.factory.ObjectProvider<TaskItems> items;

    TaskWork(TaskAccess access, TaskService tasks, IdentityService identity, StaffDirectory staff, FormCatalog forms,
             FormCheck check, SchoolStaffOptions options, TaskComments comments,
             TaskLabels labels, DistrictClock clock, TransactionTemplate transaction, TaskActions actions,
             RuntimeService runtime, org.springframework.beans.factory.ObjectProvider<TaskItems> items) {
        this.items = items;
        this.actions = actions;
        this.runtime = runtime;
        this.access = access;
        this.tasks = tasks;
        this.identity = identity;
        this.staff = staff;
        this.forms = forms;
        this.check = check;
        this.options = options;
        this.comments = comments;
        this.labels = labels;
        this.clock = clock;
        this.transaction = transaction;
    }

    public Notice claim(Viewer worker, String taskId) {
        AccessibleTask found = access.open(worker, taskId).orElse(null);
        if (found == null) {
            return gone(worker, taskId);
        }
        TaskRecord task = found.task();
        if (worker.username().equals(task.assignee())) {
            return Notice.done("tasklist.notice.claimed", labels.name(task));
        }
        if (!found.permissions().claim()) {
            return refusal(worker, found);
        }
        try {
            as(worker, () -> tasks.claim(taskId, worker.username()));
        } catch (ProcessEngineException e) {
            return overtaken(worker, taskId, e);
        }
        return Notice.done("tasklist.notice.claimed", labels.name(task));
    }

    public Notice unclaim(Viewer worker, String taskId) {
        AccessibleTask found = access.open(worker, taskId).orElse(null);
        if (found == null) {
            return gone(worker, taskId);
        }
        TaskRecord task = found.task();
        if (!found.permissions().unclaim()) {
            return !task.isAssigned() && access.offered(worker, task)
                    ? Notice.done("tasklist.notice.unclaimed", labels.name(task))
                    : refusal(worker, found);
        }
        try {
            as(worker, () -> tasks.setAssignee(taskId, null));
        } catch (ProcessEngineException e) {
            return overtaken(worker, taskId, e);
        }
        return Notice.done("tasklist.notice.unclaimed", labels.name(task));
    }

    /** Gives the task to a colleague at the task's school who is in one of its groups. */
    public Notice handOver(Viewer worker, String taskId, String username) {
        TaskRecord task = workable(worker, taskId);
        if (task == null) {
            return refusal(worker, taskId);
        }
        StaffMember colleague = colleagues(worker, task).stream()
                .filter(member -> member.username().equals(username))
                .findFirst()
                .orElse(null);
        if (colleague == null) {
            return Notice.refused("tasklist.notice.notColleague");
        }
        try {
            as(worker, () -> tasks.setAssignee(taskId, colleague.username()));
        } catch (ProcessEngineException e) {
            return overtaken(worker, taskId, e);
        }
        return Notice.done("tasklist.notice.handedOver", labels.name(task), colleague.fullName());
    }

    /** Sets the day the task is due (at the end of that day) and the day to follow it up; blank clears. */
    public Notice setDates(Viewer worker, String taskId, String due, String followUp) {
        TaskRecord task = workable(worker, taskId);
        if (task == null) {
            return refusal(worker, taskId);
        }
        LocalDate dueOn;
        LocalDate followUpOn;
        try {
            dueOn = day(due);
            followUpOn = day(followUp);
        } catch (DateTimeParseException e) {
            return Notice.refused("tasklist.notice.badDate", e.getParsedString());
        }
        try {
            as(worker, () -> {
                Task engineTask = tasks.createTaskQuery().taskId(taskId).singleResult();
                if (engineTask == null) {
                    throw new TaskGone();
                }
                engineTask.setDueDate(dueOn == null ? null : clock.endOf(dueOn));
                engineTask.setFollowUpDate(followUpOn == null ? null : clock.startOf(followUpOn));
                tasks.saveTask(engineTask);
            });
        } catch (TaskGone | ProcessEngineException e) {
            return overtaken(worker, taskId, e);
        }
        return Notice.done("tasklist.notice.datesSet", labels.name(task));
    }

    /**
     * Takes one of the actions the task's model offers (see {@link TaskActions}): the task is taken back, and the
     * task that follows is claimed for the person when it is offered to one of their groups.
     */
    public Acted act(Viewer worker, String taskId, String actionId) {
        TaskRecord task = workable(worker, taskId);
        if (task == null) {
            return new Acted(refusal(worker, taskId), null);
        }
        TaskAction action = actions.find(task, actionId).orElseThrow(TaskNotFoundException::new);
        String[] next = new String[1];
        try {
            transaction.executeWithoutResult(status -> as(worker, () -> {
                runtime.createMessageCorrelation(action.message()).processInstanceId(task.processInstanceId())
                        .correlateWithResult();
                if (action.nextKey() == null) {
                    return;
                }
                tasks.createTaskQuery().processInstanceId(task.processInstanceId())
                        .taskDefinitionKey(action.nextKey()).active().list().stream().findFirst()
                        .ifPresent(following -> {
                            next[0] = following.getId();
                            if (following.getAssignee() == null && offeredTo(worker, following.getId())) {
                                tasks.claim(following.getId(), worker.username());
                            }
                        });
            }));
        } catch (ProcessEngineException e) {
            return new Acted(overtaken(worker, taskId, e), null);
        }
        return new Acted(Notice.done("tasklist.notice.actionTaken", labels.action(task, action)), next[0]);
    }

    /** @param nextTaskId the task the action led to, to open next; null when it led to none */
    public record Acted(Notice notice, String nextTaskId) {
    }

    public List<TaskAction> actionsOf(TaskRecord task) {
        return actions.of(task);
    }

    private boolean offeredTo(Viewer worker, String taskId) {
        return tasks.getIdentityLinksForTask(taskId).stream()
                .anyMatch(link -> link.getGroupId() != null && worker.groups().contains(link.getGroupId()));
    }

    public Notice comment(Viewer worker, String taskId, String body) {
        TaskRecord task = workable(worker, taskId);
        if (task == null) {
            return refusal(worker, taskId);
        }
        String text = body == null ? "" : body.strip();
        if (text.isEmpty()) {
            return Notice.refused("tasklist.notice.emptyComment");
        }
        if (text.length() > COMMENT_LIMIT) {
            return Notice.refused("tasklist.notice.longComment", COMMENT_LIMIT);
        }
        comments.add(task, worker.username(), clock.now(), text);
        return Notice.done("tasklist.notice.commented");
    }

    /**
     * Checks the form, then claims the task if it is still the group's and completes it, all in one
     * transaction: when the process refuses a value, nothing at all is kept and the form comes back.
     */
    public Completion complete(Viewer worker, String taskId, Map<String, List<String>> submitted) {
        TaskRecord task = workable(worker, taskId);
        if (task == null) {
            return Completion.of(refusal(worker, taskId));
        }
        FormSchema form = forms.forTask(task.processDefinitionId(), task.taskKey()).orElse(null);
        FormSubmission submission = form == null ? null : check.check(form, submitted, options.forTask(task));
        if (submission != null && !submission.valid()) {
            return Completion.again(submission, null);
        }
        try {
            transaction.executeWithoutResult(status -> as(worker, () -> {
                if (!task.isAssigned()) {
                    tasks.claim(taskId, worker.username());
                }
                List<Runnable> keep = items.orderedStream()
                        .flatMap(feature -> feature.keep(task, submitted).stream()).toList();
                // The engine's side checks the form again and keeps the submission (FormSubmissionListener).
                tasks.complete(taskId, submission == null ? Variables.createVariables() : submission.variables());
                keep.forEach(Runnable::run);
            }));
        } catch (RuntimeException e) {
            InvalidInputException invalid = causeOf(e, InvalidInputException.class);
            if (invalid == null) {
                return Completion.of(overtaken(worker, taskId, e));
            }
            if (submission != null && invalid.field() != null && form.input(invalid.field()).isPresent()) {
                return Completion.again(submission.withError(invalid.field(), invalid.getMessage()), null);
            }
            return Completion.again(submission, invalid.getMessage());
        }
        return Completion.of(Notice.done("tasklist.notice.completed", labels.name(task)));
    }

    /** Colleagues the task may go to: on the staff of its school and in one of its groups. */
    public List<StaffMember> colleagues(Viewer worker, TaskRecord task) {
        if (task.schoolId() == null || task.candidateGroups().isEmpty()) {
            return List.of();
        }
        List<StaffMember> atSchool = staff.atSchool(task.schoolId());
        String[] usernames = atSchool.stream().map(StaffMember::username).toArray(String[]::new);
        if (usernames.length == 0) {
            return List.of();
        }
        Set<String> members = new HashSet<>();
        for (String group : task.candidateGroups()) {
            identity.createUserQuery().memberOfGroup(group).userIdIn(usernames).list()
                    .forEach(user -> members.add(user.getId()));
        }
        return atSchool.stream()
                .filter(member -> members.contains(member.username()))
                .filter(member -> !member.username().equals(worker.username()))
                .toList();
    }

    public Function<FormComponent, List<FormOption>> optionsFor(TaskRecord task) {
        return options.forTask(task);
    }

    public String nameOf(String username) {
        return username == null ? null : staff.byUsername(username).map(StaffMember::fullName).orElse(username);
    }

    /** The task, when the person may work on it now; null otherwise. */
    private TaskRecord workable(Viewer worker, String taskId) {
        return access.open(worker, taskId).filter(found -> found.permissions().work())
                .map(AccessibleTask::task).orElse(null);
    }

    /** Why a person cannot work on a task: it moved on, a colleague has it, or it does not exist for them. */
    private Notice refusal(Viewer worker, String taskId) {
        AccessibleTask found = access.open(worker, taskId).orElse(null);
        return found == null ? gone(worker, taskId) : refusal(worker, found);
    }

    private Notice refusal(Viewer worker, AccessibleTask found) {
        TaskRecord task = found.task();
        if (task.isAssigned() && !worker.username().equals(task.assignee()) && access.offered(worker, task)) {
            return claimedByOther(task);
        }
        throw new TaskNotFoundException();
    }

    /** After an engine refusal: the task was completed, deleted or claimed in the meantime. */
    private Notice overtaken(Viewer worker, String taskId, RuntimeException cause) {
        AccessibleTask now = access.open(worker, taskId).orElse(null);
        if (now == null) {
            return gone(worker, taskId);
        }
        if (now.task().isAssigned() && !worker.username().equals(now.task().assignee())) {
            return claimedByOther(now.task());
        }
        throw cause;
    }

    private Notice gone(Viewer worker, String taskId) {
        TaskRecord done = access.completed(worker, taskId).orElseThrow(TaskNotFoundException::new);
        return Notice.refused("tasklist.notice.alreadyCompleted", labels.name(done), nameOf(done.completedBy()),
                labels.moment(done.completedAt()));
    }

    private Notice claimedByOther(TaskRecord task) {
        return Notice.refused("tasklist.notice.claimedByOther", labels.name(task), nameOf(task.assignee()));
    }

    private void as(Viewer worker, Runnable action) {
        identity.setAuthentication(worker.username(), List.copyOf(worker.groups()));
        try {
            action.run();
        } finally {
            identity.clearAuthentication();
        }
    }

    private static LocalDate day(String text) {
        return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
    }

    private static <T extends Throwable> T causeOf(Throwable error, Class<T> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    private static final class TaskGone extends RuntimeException {
        TaskGone() {
            super("The task is no longer open", null, false, false);
        }
    }
}
