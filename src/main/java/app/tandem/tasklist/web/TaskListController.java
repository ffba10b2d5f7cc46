package app.tandem.tasklist.web;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.tandem.directory.Viewer;
import app.tandem.system.DistrictClock;
import app.tandem.system.Messages;
import app.tandem.tasklist.Inbox;
import app.tandem.tasklist.InboxCounts;
import app.tandem.tasklist.InboxPage;
import app.tandem.tasklist.InboxQuery;
import app.tandem.tasklist.InboxRow;
import app.tandem.tasklist.InboxSchools;
import app.tandem.tasklist.InboxView;
import app.tandem.tasklist.Notice;
import app.tandem.tasklist.TaskAccess;
import app.tandem.tasklist.TaskLabels;
import app.tandem.tasklist.TaskWork;

/**
 * The task list: one tab per view with its count, filters by school and process, pages of twenty.
 * Claim and unclaim answer htmx with the changed line and the new counts; without JavaScript they
 * answer with the page again.
 */
@Controller
class TaskListController {

    private static final int MAX_PAGE = 10_000;

    private final InboxSchools schools;
    private final Inbox inbox;
    private final TaskWork work;
    private final TaskAccess access;
    private final TaskLabels labels;
    private final RepositoryService repository;
    private final Messages messages;
    private final DistrictClock clock;

    TaskListController(InboxSchools schools, Inbox inbox, TaskWork work, TaskAccess access, TaskLabels labels,
                       RepositoryService repository, Messages messages, DistrictClock clock) {
        this.schools = schools;
        this.inbox = inbox;
        this.work = work;
        this.access = access;
        this.labels = labels;
        this.repository = repository;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/tasks")
    String list(@RequestParam Map<String, String> params, Viewer worker, Model model) {
        InboxQuery query = query(params, worker);
        InboxCounts counts = inbox.counts(worker, query);
        if (!params.containsKey("view") && counts.get(InboxView.MINE) == 0 && counts.get(InboxView.GROUP) > 0) {
            // Nothing is theirs yet: open where their work waits rather than an empty tab.
            query = new InboxQuery(InboxView.GROUP, query.schoolId(), query.processKey(), query.latestDueFirst(), 0);
        }
        model.addAttribute("query", query);
        model.addAttribute("counts", counts);
        model.addAttribute("views", views(worker));
        InboxPage page = inbox.page(worker, query, counts);
        model.addAttribute("inbox", page);
        model.addAttribute("rows", page.rows().stream().map(row -> listed(worker, row)).toList());
        model.addAttribute("schools", schools.of(worker));
        model.addAttribute("processes", processes());
        addCommon(model, worker);
        return "tasklist/list";
    }

    @PostMapping("/tasks/{taskId}/claim")
    String claim(@PathVariable String taskId, @RequestParam Map<String, String> params,
                 @RequestHeader(name = "HX-Request", required = false) String htmx, Viewer worker,
                 Model model, RedirectAttributes redirect) {
        return answer(worker, taskId, work.claim(worker, taskId), params, htmx != null, model, redirect);
    }

    @PostMapping("/tasks/{taskId}/unclaim")
    String unclaim(@PathVariable String taskId, @RequestParam Map<String, String> params,
                   @RequestHeader(name = "HX-Request", required = false) String htmx, Viewer worker,
                   Model model, RedirectAttributes redirect) {
        return answer(worker, taskId, work.unclaim(worker, taskId), params, htmx != null, model, redirect);
    }

    private String answer(Viewer worker, String taskId, Notice notice, Map<String, String> params, boolean htmx,
                          Model model, RedirectAttributes redirect) {
        String text = messages.text(notice.code(), notice.args().toArray());
        if ("task".equals(params.get("from"))) {
            redirect.addFlashAttribute("notice", text);
            return "redirect:/tasks/" + taskId;
        }
        InboxQuery query = query(params, worker);
        if (!htmx) {
            redirect.addFlashAttribute("notice", text);
            return "redirect:" + query.link(query.view());
        }
        model.addAttribute("query", query);
        model.addAttribute("counts", inbox.counts(worker, query));
        model.addAttribute("views", views(worker));
        model.addAttribute("listed", inbox.row(taskId)
                .map(row -> listed(worker, row))
                .filter(listed -> listed.can().see())
                .orElse(null));
        model.addAttribute("goneTaskId", taskId);
        model.addAttribute("notice", text);
        addCommon(model, worker);
        return "tasklist/list :: changed";
    }

    private void addCommon(Model model, Viewer worker) {
        model.addAttribute("worker", worker);
        model.addAttribute("labels", labels);
        model.addAttribute("now", clock.now());
    }

    private ListedTask listed(Viewer worker, InboxRow row) {
        return new ListedTask(row, row.task().open() ? access.permissions(worker, row.task())
                : new TaskAccess.Permissions(true, false, false, false));
    }

    private List<InboxView> views(Viewer worker) {
        return List.of(InboxView.values()).stream()
                .filter(view -> view != InboxView.DISTRICT || worker.readsWholeDistrict())
                .toList();
    }

    /** Processes to filter by: the latest version of each deployed one, by name. */
    private List<ProcessChoice> processes() {
        return repository.createProcessDefinitionQuery().latestVersion().list().stream()
                .map(ProcessDefinition::getKey)
                .distinct()
                .map(key -> new ProcessChoice(key, labels.process(key)))
                .sorted(Comparator.comparing(ProcessChoice::label))
                .toList();
    }

    /** Reads the list's parameters leniently: anything unusable falls back to the default. */
    private InboxQuery query(Map<String, String> params, Viewer worker) {
        InboxView view = InboxView.ofParam(params.get("view"))
                .filter(v -> v != InboxView.DISTRICT || worker.readsWholeDistrict())
                .orElse(InboxView.MINE);
        Long school = number(params.get("school")).orElse(null);
        String process = Optional.ofNullable(params.get("process"))
                .filter(key -> !key.isBlank() && key.length() <= 255)
                .orElse(null);
        int page = number(params.get("page")).map(n -> (int) Math.min(Math.max(n, 0), MAX_PAGE)).orElse(0);
        return new InboxQuery(view, school, process, "latest".equals(params.get("order")), page);
    }

    private static Optional<Long> number(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(text.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public record ProcessChoice(String key, String label) {
    }

    /** A line of the list with what the reader may do with it there. */
    public record ListedTask(InboxRow row, TaskAccess.Permissions can) {
    }
}
