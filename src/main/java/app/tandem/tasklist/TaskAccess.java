package app.tandem.tasklist;

import java.util.Optional;

import org.springframework.stereotype.Component;

import app.tandem.directory.Viewer;

/**
 * The one place that decides what a person may do with a task. A person works on tasks assigned
 * to them and on tasks offered to one of their groups at one of their schools (or, for work of no
 * school, in their district); managers and
 * operators also read every task of their district. Anything else does not exist for them.
 */
@Component
public class TaskAccess {

    private final TaskRecords records;

    TaskAccess(TaskRecords records) {
        this.records = records;
    }

    /** An open task the person may at least see; empty answers "not found". */
    public Optional<AccessibleTask> open(Viewer worker, String taskId) {
        return records.open(taskId).map(task -> new AccessibleTask(task, permissions(worker, task)))
                .filter(found -> found.permissions().see());
    }

    /** A completed task the person may read back; empty answers "not found". */
    public Optional<TaskRecord> completed(Viewer worker, String taskId) {
        return records.completed(taskId).filter(task -> worker.username().equals(task.completedBy())
                || offeredToThem(worker, task) || readsDistrictOf(worker, task));
    }

    public Permissions permissions(Viewer worker, TaskRecord task) {
        boolean mine = worker.username().equals(task.assignee());
        boolean offered = offeredToThem(worker, task);
        boolean unassigned = !task.isAssigned();
        boolean work = mine || (offered && unassigned);
        return new Permissions(mine || offered || readsDistrictOf(worker, task), offered && unassigned, mine, work);
    }

    /** Offered to one of the person's groups at one of their schools, whoever holds it now. */
    boolean offered(Viewer worker, TaskRecord task) {
        return offeredToThem(worker, task);
    }

    private static boolean offeredToThem(Viewer worker, TaskRecord task) {
        boolean where = task.schoolId() == null
                ? task.districtId() != null && task.districtId().equals(worker.districtId())
                : worker.worksAt(task.schoolId());
        return where && task.candidateGroups().stream().anyMatch(worker.groups()::contains);
    }

    private static boolean readsDistrictOf(Viewer worker, TaskRecord task) {
        return worker.readsWholeDistrict() && task.districtId() != null && task.districtId().equals(worker.districtId());
    }

    /**
     * @param see     open it and read it
     * @param claim   take it from the group's queue
     * @param unclaim give it back to the group's queue
     * @param work    complete it, hand it over, set its dates, comment on it
     */
    public record Permissions(boolean see, boolean claim, boolean unclaim, boolean work) {
    }

    public record AccessibleTask(TaskRecord task, Permissions permissions) {
    }
}
