package app.tandem.family.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.tandem.directory.Role;
import app.tandem.directory.Viewer;
import app.tandem.family.DraftChoices;
import app.tandem.family.UpdateDraft;
import app.tandem.family.progress.SchoolDrafts;
import app.tandem.family.progress.SchoolDrafts.DraftRow;
import app.tandem.forms.FormComponent;
import app.tandem.forms.FormSchema;
import app.tandem.forms.FormText;
import app.tandem.system.Messages;
import app.tandem.system.NotFound;
import app.tandem.tasklist.Completion;
import app.tandem.tasklist.TaskNotFoundException;
import app.tandem.tasklist.TaskWork;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A school's progress updates of the cycle on one page, drafted from the tutoring data: a coordinator of the school
 * reviews them, changes a row, and approves many at once. Each approval completes that student's draft task through
 * the task form's own path ({@link TaskWork#complete}), so the process, its checks and its records are the same as
 * one task at a time. A row the form refuses comes back with its values and the reason; the others go on.
 */
@Controller
class DraftsController {

    static final List<String> KEYS = List.of(UpdateDraft.SESSIONS_ATTENDED, UpdateDraft.STANDING, UpdateDraft.SUBJECT,
            UpdateDraft.AT_HOME, UpdateDraft.WIN);

    private final SchoolDrafts drafts;
    private final DraftChoices choices;
    private final TaskWork work;
    private final Messages messages;
    private final FormText text;

    DraftsController(SchoolDrafts drafts, DraftChoices choices, TaskWork work, Messages messages, FormText text) {
        this.text = text;
        this.drafts = drafts;
        this.choices = choices;
        this.work = work;
        this.messages = messages;
    }

    @GetMapping("/family/schools/{schoolId}/drafts")
    String page(Viewer who, @PathVariable long schoolId, @RequestParam(required = false) String group,
                @RequestParam(defaultValue = "1") int page, Model model) {
        mayDraft(who, schoolId);
        return show(model, schoolId, blank(group), page, Map.of(), Map.of());
    }

    @PostMapping("/family/schools/{schoolId}/drafts")
    String approve(Viewer who, @PathVariable long schoolId, @RequestParam(required = false) String group,
                   @RequestParam(defaultValue = "1") int page,
                   @RequestParam(name = "approve", required = false) List<Long> chosen,
                   @RequestParam(name = "row", required = false) List<Long> shown,
                   @RequestParam(defaultValue = "false") boolean all, HttpServletRequest request,
                   HttpServletResponse response, Model model, RedirectAttributes redirect) {
        mayDraft(who, schoolId);
        List<Long> approved = all ? orEmpty(shown) : orEmpty(chosen);
        Map<Long, DraftRow> rows = drafts.waiting(schoolId, approved);
        Map<Long, Map<String, String>> entered = new LinkedHashMap<>();
        for (Long id : orEmpty(shown)) {
            Map<String, String> values = new LinkedHashMap<>();
            KEYS.forEach(key -> values.put(key, request.getParameter(key + "-" + id)));
            entered.put(id, values);
        }
        int done = 0;
        Map<Long, List<String>> problems = new LinkedHashMap<>();
        for (Long id : approved) {
            DraftRow row = rows.get(id);
            if (row == null) {
                problems.put(id, List.of(messages.text("drafts.gone")));
                continue;
            }
            Map<String, List<String>> submitted = new LinkedHashMap<>();
            entered.getOrDefault(id, Map.of()).forEach((key, value) -> submitted.put(key,
                    value == null ? List.of() : List.of(value)));
            try {
                Completion completion = work.complete(who, row.taskId(), submitted);
                if (completion.needsCorrection()) {
                    List<String> reasons = new ArrayList<>(completion.resubmit().errors().entrySet().stream()
                            .map(e -> label(e.getKey()) + ": " + e.getValue()).toList());
                    if (completion.problem() != null) {
                        reasons.add(completion.problem());
                    }
                    problems.put(id, reasons);
                } else if (completion.notice().done()) {
                    done++;
                } else {
                    problems.put(id, List.of(messages.text(completion.notice().code(),
                            completion.notice().args().toArray())));
                }
            } catch (TaskNotFoundException gone) {
                problems.put(id, List.of(messages.text("drafts.gone")));
            }
        }
        if (problems.isEmpty()) {
            redirect.addFlashAttribute("notice", messages.text("drafts.approved", done));
            redirect.addAttribute("page", page);
            if (blank(group) != null) {
                redirect.addAttribute("group", group);
            }
            return "redirect:/family/schools/" + schoolId + "/drafts";
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        model.addAttribute("notice", messages.text("drafts.approvedSome", done, problems.size()));
        return show(model, schoolId, blank(group), page, entered, problems);
    }

    private String show(Model model, long schoolId, String group, int page, Map<Long, Map<String, String>> entered,
                        Map<Long, List<String>> problems) {
        model.addAttribute("schoolId", schoolId);
        model.addAttribute("group", group);
        model.addAttribute("drafts", drafts.page(schoolId, group, page));
        model.addAttribute("entered", entered);
        model.addAttribute("problems", problems);
        FormSchema form = choices.form();
        Map<String, FormComponent> inputs = new LinkedHashMap<>();
        KEYS.forEach(key -> form.input(key).ifPresent(input -> inputs.put(key, input)));
        model.addAttribute("form", form);
        model.addAttribute("inputs", inputs);
        model.addAttribute("formText", text);
        return "family/drafts";
    }

    private String label(String key) {
        FormSchema form = choices.form();
        return form.input(key).map(input -> text.label(form, input)).orElse(key);
    }

    /** Drafting is the coordinators' work at their own schools. */
    private static void mayDraft(Viewer who, long schoolId) {
        if (!who.has(Role.COORDINATOR) || !who.worksAt(schoolId)) {
            throw NotFound.answer();
        }
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static List<Long> orEmpty(List<Long> ids) {
        return ids == null ? List.of() : ids;
    }
}
