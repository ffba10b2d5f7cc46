package app.tandem.tasklist;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

/** Every feature's {@link TaskSubject} asked in turn; templates call it as {@code @taskSubjects.of(task)}. */
@Component("taskSubjects")
public class TaskSubjects {

    private final List<TaskSubject> subjects;

    TaskSubjects(List<TaskSubject> subjects) {
        this.subjects = subjects;
    }

    /** @return what the task is about, or null when no feature says */
    public String of(TaskRecord task) {
        return subjects.stream().map(subject -> subject.of(task)).flatMap(Optional::stream).findFirst().orElse(null);
    }

    /** @return the page the task's form speaks of, or null */
    public TaskSubject.Link link(TaskRecord task) {
        return subjects.stream().map(subject -> subject.link(task)).flatMap(Optional::stream).findFirst().orElse(null);
    }
}
