package app.tandem.tasklist.web;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.tandem.directory.Viewer;
import app.tandem.forms.FormCatalog;
import app.tandem.forms.FormSchema;
import app.tandem.forms.FormSubmission;
import app.tandem.system.DistrictClock;
import app.tandem.system.Messages;
import app.tandem.tasklist.Completion;
import app.tandem.tasklist.FormDefaults;
import app.tandem.tasklist.TaskItems;
import app.tandem.tasklist.Notice;
import app.tandem.tasklist.TaskAccess.AccessibleTask;
import app.tandem.tasklist.TaskAccess;
import app.tandem.tasklist.TaskComments;
import app.tandem.tasklist.TaskLabels;
import app.tandem.tasklist.TaskNotFoundException;
import app.tandem.tasklist.TaskRecord;
import app.tandem.tasklist.TaskSubmissions;
import app.tandem.tasklist.TaskThread;
import app.tandem.tasklist.TaskWork;
import app.tandem.tasklist.form.FormViews;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * One task: its form, its context, what can be done with it, its comments; or, once completed,
 * what was submitted, by whom and when.
 */
@Controller
class TaskController {

    private final TaskAccess access;
    private final TaskWork work;
    private final FormCatalog forms;
    private final FormViews views;
    private final TaskSubmissions submissions;
    private final TaskComments comments;
    private final ProcessContexts contexts;
    private final TaskLabels labels;
    private final Messages messages;
    private final DistrictClock clock;
    private final ObjectProvider<FormDefaults> defaults;
    private final List<TaskThread> threads;
    private final ObjectProvider<TaskItems> items;

    TaskController(TaskAccess access, TaskWork work, FormCatalog forms, FormViews views,
                   TaskSubmissions submissions, TaskComments comments, ProcessContexts contexts, TaskLabels labels,
                   Messages messages, DistrictClock clock, ObjectProvider<FormDefaults> defaults,
                   List<TaskThread> threads, ObjectProvider<TaskItems> items) {
        this.items = items;
        this.defaults = defaults;
        this.threads = threads;
        this.access = access;
        this.work = work;
        this.forms = forms;
        this.views = views;
        this.submissions = submissions;
        this.comments = comments;
        this.contexts = contexts;
        this.labels = labels;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/tasks/{taskId}")
    String show(@PathVariable String taskId, Viewer worker, Model model) {
        AccessibleTask open = access.open(worker, taskId).orElse(null);
        if (open != null) {
            FormSubmission blank = forms.forTask(open.task().processDefinitionId(), open.task().taskKey())
                    .map(FormSubmission::blank)
                    .map(form -> proposed(form, open.task()))
                    .orElse(null);
            return openTask(worker, open, blank, null, model);
        }
        TaskRecord completed = access.completed(worker, taskId).orElseThrow(TaskNotFoundException::new);
        return completedTask(completed, model);
    }

    @PostMapping("/tasks/{taskId}")
    String complete(@PathVariable String taskId, HttpServletRequest request, HttpServletResponse response,
                    Viewer worker, Model model, RedirectAttributes redirect) {
        Map<String, List<String>> submitted = new LinkedHashMap<>();
        request.getParameterMap().forEach((key, values) -> submitted.put(key, Arrays.asList(values)));
        Completion completion = work.complete(worker, taskId, submitted);
        if (completion.needsCorrection()) {
            AccessibleTask open = access.open(worker, taskId).orElseThrow(TaskNotFoundException::new);
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            model.addAttribute("items", itemsOf(open.task(), submitted));
            return openTask(worker, open, completion.resubmit(), completion.problem(), model);
        }
        Notice notice = completion.notice();
        redirect.addFlashAttribute("notice", text(notice));
        return notice.done() ? "redirect:/tasks" : "redirect:/tasks/" + taskId;
    }

    @PostMapping("/tasks/{taskId}/handover")
    String handOver(@PathVariable String taskId, @RequestParam(defaultValue = "") String assignee,
                    Viewer worker, RedirectAttributes redirect) {
        Notice notice = work.handOver(worker, taskId, assignee);
        redirect.addFlashAttribute("notice", text(notice));
        return notice.done() ? "redirect:/tasks" : "redirect:/tasks/" + taskId;
    }

    @PostMapping("/tasks/{taskId}/dates")
    String setDates(@PathVariable String taskId, @RequestParam(defaultValue = "") String due,
                    @RequestParam(defaultValue = "") String followUp, Viewer worker,
                    RedirectAttributes redirect) {
        Notice notice = work.setDates(worker, taskId, due, followUp);
        redirect.addFlashAttribute("notice", text(notice));
        return "redirect:/tasks/" + taskId;
    }

    @PostMapping("/tasks/{taskId}/actions/{actionId}")
    String act(@PathVariable String taskId, @PathVariable String actionId, Viewer worker,
               RedirectAttributes redirect) {
        TaskWork.Acted acted = work.act(worker, taskId, actionId);
        redirect.addFlashAttribute("notice", text(acted.notice()));
        if (acted.nextTaskId() != null && access.open(worker, acted.nextTaskId()).isPresent()) {
            return "redirect:/tasks/" + acted.nextTaskId();
        }
        return acted.notice().done() ? "redirect:/tasks" : "redirect:/tasks/" + taskId;
    }

    @PostMapping("/tasks/{taskId}/comments")
    String comment(@PathVariable String taskId, @RequestParam(defaultValue = "") String body,
                   Viewer worker, RedirectAttributes redirect) {
        Notice notice = work.comment(worker, taskId, body);
        redirect.addFlashAttribute("notice", text(notice));
        if (!notice.done()) {
            redirect.addFlashAttribute("commentDraft", body);
        }
        return "redirect:/tasks/" + taskId + "#comments";
    }

    private String openTask(Viewer worker, AccessibleTask open, FormSubmission submission, String problem,
                            Model model) {
        TaskRecord task = open.task();
        model.addAttribute("task", task);
        model.addAttribute("can", open.permissions());
        model.addAttribute("assigneeName", work.nameOf(task.assignee()));
        model.addAttribute("context", contexts.of(task));
        model.addAttribute("thread", threadOf(task));
        model.addAttribute("comments", comments.of(task));
        model.addAttribute("colleagues", open.permissions().work() ? work.colleagues(worker, task) : List.of());
        model.addAttribute("actions", open.permissions().work() ? work.actionsOf(task) : List.of());
        model.addAttribute("fields", submission == null ? null : views.fields(submission, work.optionsFor(task)));
        model.addAttribute("errors", submission == null ? Map.of() : submission.errors());
        model.addAttribute("problem", problem);
        model.addAttribute("labels", labels);
        model.addAttribute("overdue", task.isOverdue(clock.now()));
        if (!model.containsAttribute("items")) {
            model.addAttribute("items", itemsOf(task, Map.of()));
        }
        return "tasklist/task";
    }

    private List<TaskItems.Item> itemsOf(TaskRecord task, Map<String, List<String>> entered) {
        return items.orderedStream().flatMap(feature -> feature.of(task, entered).stream()).toList();
    }

    private List<TaskThread.Entry> threadOf(TaskRecord task) {
        return threads.stream().flatMap(thread -> thread.of(task).stream()).toList();
    }

    private String completedTask(TaskRecord task, Model model) {
        FormSchema form = forms.forTask(task.processDefinitionId(), task.taskKey()).orElse(null);
        model.addAttribute("task", task);
        model.addAttribute("completedByName", work.nameOf(task.completedBy()));
        model.addAttribute("context", contexts.of(task));
        model.addAttribute("comments", comments.of(task));
        model.addAttribute("answers", form == null ? List.of()
                : submissions.valuesOf(task.taskId())
                .map(values -> views.answers(form, values, work.optionsFor(task)))
                .orElse(List.of()));
        model.addAttribute("labels", labels);
        return "tasklist/completed";
    }

    /** What the features propose for a form nobody has filled in yet. */
    private FormSubmission proposed(FormSubmission blank, TaskRecord task) {
        FormSubmission shown = blank;
        for (FormDefaults feature : defaults.orderedStream().toList()) {
            shown = shown.proposing(feature.of(task));
        }
        return shown;
    }

    private String text(Notice notice) {
        return messages.text(notice.code(), notice.args().toArray());
    }
}
