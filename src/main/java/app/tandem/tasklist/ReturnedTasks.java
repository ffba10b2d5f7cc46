package app.tandem.tasklist;

import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.tandem.system.DistrictClock;

/** Tasks a person can no longer work on (they were deactivated) go back to their groups, with a comment saying why. */
@Service
public class ReturnedTasks {

    private final TaskService tasks;
    private final TaskComments comments;
    private final DistrictClock clock;

    ReturnedTasks(TaskService tasks, TaskComments comments, DistrictClock clock) {
        this.tasks = tasks;
        this.comments = comments;
        this.clock = clock;
    }

    /**
     * @param by      who returned them, the comments' author
     * @param comment why, in words the group reads
     * @return how many tasks went back
     */
    @Transactional
    public int returnToGroups(String assignee, String by, String comment) {
        List<Task> claimed = tasks.createTaskQuery().taskAssignee(assignee).list();
        for (Task task : claimed) {
            tasks.setAssignee(task.getId(), null);
            comments.add(task.getId(), task.getProcessInstanceId(), by, clock.now(), comment);
        }
        return claimed.size();
    }
}
