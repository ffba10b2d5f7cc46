package app.tandem.family;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

import app.tandem.family.progress.Dosage;
import app.tandem.family.progress.SchoolProgress;
import app.tandem.forms.FormOption;
import app.tandem.program.MeetingStudents;
import app.tandem.program.MeetingStudents.Outcome;
import app.tandem.program.MeetingStudents.Reason;
import app.tandem.program.Milestone;
import app.tandem.program.MilestoneKind;
import app.tandem.program.Milestones;
import app.tandem.program.SchoolProgram;
import app.tandem.system.Messages;
import app.tandem.system.ProcessVariables;
import app.tandem.tasklist.TaskItems;
import app.tandem.tasklist.TaskRecord;

/**
 * The students a school program's meeting discusses, prepared from Tandem's data each time its task is shown: at a
 * check-in (4d.2) those attending fewer sessions a week than the term's target and those a teacher flagged, each
 * with what was agreed; at the close-out (4d.3) every student of the school, with where they stand against the goal
 * the term set at its start (its weekly sessions target). Kept per student in meeting_student when the task
 * completes; a check-in clears the flags it discussed.
 */
@Component
class CheckInAgenda implements TaskItems {

    private static final int LONGEST_NOTE = 1000;

    private record Entry(Student student, Dosage dosage, boolean flagged) {

        Reason reason(boolean closeOut) {
            return closeOut ? Reason.CLOSE_OUT : flagged ? Reason.FLAGGED : Reason.BELOW_TARGET;
        }
    }

    private final SchoolProgress progress;
    private final MeetingStudents students;
    private final Milestones milestones;
    private final RuntimeService runtime;
    private final Messages messages;

    CheckInAgenda(SchoolProgress progress, MeetingStudents students, Milestones milestones, RuntimeService runtime,
                  Messages messages) {
        this.progress = progress;
        this.students = students;
        this.milestones = milestones;
        this.runtime = runtime;
        this.messages = messages;
    }

    @Override
    public List<Item> of(TaskRecord task, Map<String, List<String>> entered) {
        if (!isMeeting(task)) {
            return List.of();
        }
        boolean closeOut = closeOut(task);
        List<Item> items = new ArrayList<>();
        for (Entry entry : agenda(task, closeOut)) {
            String key = String.valueOf(entry.student().id());
            items.add(new Item(key, entry.student().fullName(), detail(entry, closeOut),
                    messages.text(closeOut ? "agenda.heading.closeOut" : "agenda.heading.checkIn"),
                    closeOut ? outcomes() : List.of(), first(entered, TaskItems.choice(key)),
                    first(entered, TaskItems.note(key))));
        }
        return items;
    }

    @Override
    public Optional<Runnable> keep(TaskRecord task, Map<String, List<String>> submitted) {
        if (!isMeeting(task)) {
            return Optional.empty();
        }
        boolean closeOut = closeOut(task);
        long termId = termOf(task);
        int number = closeOut ? 1 : ((Number) runtime.getVariable(task.processInstanceId(),
                SchoolProgram.Var.CHECK_IN_NUMBER)).intValue();
        record Kept(long studentId, Reason reason, Outcome outcome, String note) {
        }
        List<Kept> kept = new ArrayList<>();
        for (Entry entry : agenda(task, closeOut)) {
            String key = String.valueOf(entry.student().id());
            String note = first(submitted, TaskItems.note(key));
            note = note == null || note.isBlank() ? null : note.strip();
            if (note != null && note.length() > LONGEST_NOTE) {
                throw messages.invalid("agenda", "agenda.noteTooLong", entry.student().fullName(), LONGEST_NOTE);
            }
            Outcome outcome = closeOut ? outcome(first(submitted, TaskItems.choice(key)), entry) : null;
            kept.add(new Kept(entry.student().id(), entry.reason(closeOut), outcome, note));
        }
        MilestoneKind kind = closeOut ? MilestoneKind.CLOSE_OUT_MEETING : MilestoneKind.CHECK_IN;
        return Optional.of(() -> {
            Milestone meeting = milestones.find(termId, kind, number).orElseThrow();
            for (Kept student : kept) {
                students.record(meeting.id(), student.studentId(), student.reason(), student.outcome(), student.note());
                if (!closeOut && student.reason() == Reason.FLAGGED) {
                    students.unflag(student.studentId(), termId);
                }
            }
        });
    }

    private List<Entry> agenda(TaskRecord task, boolean closeOut) {
        Set<Long> flagged = closeOut ? Set.of() : Set.copyOf(students.flagged(termOf(task)));
        return progress.ofSchool(task.schoolId())
                .map(view -> view.students().stream()
                        .filter(row -> closeOut || row.dosage().belowTarget() || flagged.contains(row.student().id()))
                        .map(row -> new Entry(row.student(), row.dosage(), flagged.contains(row.student().id())))
                        .toList())
                .orElse(List.of());
    }

    private String detail(Entry entry, boolean closeOut) {
        Dosage dosage = entry.dosage();
        String attendance = dosage.hasData()
                ? messages.text("agenda.attends", dosage.averageAttended(), dosage.target())
                : messages.text("agenda.noAttendance", dosage.target());
        if (closeOut) {
            return messages.text("agenda.goal", dosage.target()) + " " + attendance;
        }
        return entry.flagged() ? messages.text("agenda.flagged") + " " + attendance : attendance;
    }

    private Outcome outcome(String value, Entry entry) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return Arrays.stream(Outcome.values()).filter(o -> o.name().equals(value)).findFirst()
                .orElseThrow(() -> messages.invalid("agenda", "agenda.unknownOutcome", value,
                        entry.student().fullName()));
    }

    private List<FormOption> outcomes() {
        return Arrays.stream(Outcome.values())
                .map(o -> new FormOption(messages.text("agenda.outcome." + o.name()), o.name())).toList();
    }

    private long termOf(TaskRecord task) {
        return ((Number) runtime.getVariable(task.processInstanceId(), ProcessVariables.TERM_ID)).longValue();
    }

    private static boolean isMeeting(TaskRecord task) {
        return task.open() && task.schoolId() != null && SchoolProgram.PROCESS_KEY.equals(task.processKey())
                && (SchoolProgram.HOLD_CHECK_IN.equals(task.taskKey()) || closeOut(task));
    }

    private static boolean closeOut(TaskRecord task) {
        return SchoolProgram.HOLD_CLOSE_OUT_MEETING.equals(task.taskKey());
    }

    private static String first(Map<String, List<String>> values, String key) {
        List<String> all = values.get(key);
        return all == null || all.isEmpty() ? null : all.get(0);
    }
}
