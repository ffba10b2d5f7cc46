package app.tandem.program;

import java.time.LocalDate;
import java.util.Date;
import java.util.Optional;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.tandem.directory.ChangeSource;
import app.tandem.directory.School;
import app.tandem.directory.Schools;
import app.tandem.directory.Term;
import app.tandem.directory.Terms;
import app.tandem.program.SchoolProgram.Var;
import app.tandem.system.DistrictClock;
import app.tandem.system.Messages;

/**
 * Moves a term's first and last days, before or during it. A running program follows: the dates
 * its timers and due dates read are computed again as at its start, the timers already waiting are
 * re-dated, open tasks get their new due dates, and an open check-in window is cut at the new last day.
 */
@Service
public class TermRedating {

    private final Terms terms;
    private final Schools schools;
    private final Milestones milestones;
    private final SchoolProgramLauncher launcher;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final TaskService tasks;
    private final ApplicationEventPublisher events;
    private final DistrictClock clock;
    private final Messages messages;

    TermRedating(Terms terms, Schools schools, Milestones milestones, SchoolProgramLauncher launcher,
                 RuntimeService runtime, ManagementService management, TaskService tasks,
                 ApplicationEventPublisher events, DistrictClock clock, Messages messages) {
        this.terms = terms;
        this.schools = schools;
        this.milestones = milestones;
        this.launcher = launcher;
        this.runtime = runtime;
        this.management = management;
        this.tasks = tasks;
        this.events = events;
        this.clock = clock;
        this.messages = messages;
    }

    @Transactional
    public void change(long termId, LocalDate startsOn, LocalDate endsOn, String changedBy, ChangeSource source) {
        Term before = terms.byId(termId).orElseThrow(() -> messages.invalid("termId", "invalid.unknownTerm", termId));
        School school = schools.byId(before.schoolId()).orElseThrow();
        LocalDate today = clock.forDistrict(school.districtId()).today();
        if (terms.cancellation(termId).isPresent()) {
            throw messages.invalid("termId", "invalid.termCancelled", school.name(), before.name());
        }
        if (before.endsOn().isBefore(today)) {
            throw messages.invalid("termId", "invalid.termEnded", school.name(), before.name());
        }
        if (startsOn != null && !startsOn.equals(before.startsOn()) && !before.startsOn().isAfter(today)) {
            throw messages.invalid("startsOn", "invalid.termBegun", before.startsOn());
        }
        Optional<LocalDate> evidence = milestones.lastCheckInHeld(termId);
        if (endsOn != null && evidence.isPresent() && endsOn.isBefore(evidence.get())) {
            throw messages.invalid("endsOn", "invalid.endBeforeEvidence", evidence.get());
        }
        terms.changeDates(termId, startsOn, endsOn, changedBy, source);
        Term after = terms.byId(termId).orElseThrow();
        terms.programOf(termId)
                .filter(id -> runtime.createProcessInstanceQuery().processInstanceId(id).count() > 0)
                .ifPresent(id -> {
                    follow(id, school, after);
                    events.publishEvent(new ProgramRedated(termId, id));
                });
    }

    private void follow(String processInstanceId, School school, Term term) {
        VariableMap dates = launcher.variables(school, term);
        runtime.setVariables(processInstanceId, dates);
        Date endsAt = (Date) dates.get(Var.TERM_ENDS_AT);
        redateTimer(processInstanceId, SchoolProgram.INTRODUCTION_DUE, (Date) dates.get(Var.CAREGIVER_INTRODUCTION_AT));
        redateTimer(processInstanceId, SchoolProgram.TERM_STARTS, (Date) dates.get(Var.TERM_STARTS_AT));
        redateTimer(processInstanceId, SchoolProgram.TERM_ENDS, endsAt);
        redateTask(processInstanceId, SchoolProgram.SCHEDULE_ALIGNMENT_MEETING, (Date) dates.get(Var.ALIGNMENT_SCHEDULE_DUE));
        redateTask(processInstanceId, SchoolProgram.PREPARE_IMPACT_SUMMARY, (Date) dates.get(Var.IMPACT_SUMMARY_DUE));
        redateTask(processInstanceId, SchoolProgram.HOLD_CLOSE_OUT_MEETING, (Date) dates.get(Var.CLOSE_OUT_DUE));
        if (runtime.getVariable(processInstanceId, Var.CHECK_IN_WINDOW_CLOSES_AT) instanceof Date closesAt
                && closesAt.after(endsAt)) {
            cutCheckInWindow(processInstanceId, term, endsAt);
        }
    }

    /** The open window would outlast the term: it now closes with it, as the last window always does. */
    private void cutCheckInWindow(String processInstanceId, Term term, Date endsAt) {
        Date due = clock.forSchool(term.schoolId()).endOf(term.endsOn());
        runtime.setVariable(processInstanceId, Var.CHECK_IN_WINDOW_CLOSES_AT, endsAt);
        runtime.setVariable(processInstanceId, Var.CHECK_IN_DUE, due);
        redateTimer(processInstanceId, SchoolProgram.CHECK_IN_WINDOW_CLOSED, endsAt);
        redateTimer(processInstanceId, SchoolProgram.NEXT_WINDOW_OPENS, endsAt);
        redateTask(processInstanceId, SchoolProgram.HOLD_CHECK_IN, due);
        if (runtime.getVariable(processInstanceId, Var.CHECK_IN_NUMBER) instanceof Integer number) {
            milestones.moveDue(term.id(), MilestoneKind.CHECK_IN, number, term.endsOn());
        }
    }

    private void redateTimer(String processInstanceId, String activityId, Date dueDate) {
        for (Job job : management.createJobQuery().processInstanceId(processInstanceId).activityId(activityId)
                .timers().list()) {
            management.setJobDuedate(job.getId(), dueDate);
        }
    }

    private void redateTask(String processInstanceId, String taskKey, Date dueDate) {
        for (Task task : tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey).list()) {
            task.setDueDate(dueDate);
            tasks.saveTask(task);
        }
    }
}
