package app.tandem.family;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Consumer;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import app.tandem.family.CaregiverProcesses.Var;
import app.tandem.system.DistrictClock;
import app.tandem.system.InBatches;
import app.tandem.system.ProcessVariables;

/**
 * Starts the progress updates that fall due in a week of a school's term: one caregiver-update
 * instance per student whose update is due, each its own instance (business key
 * studentId/termId/cycle), so 100,000 students never contend on one process instance. A cycle
 * already started is not started again. Many schools' weeks start {@value #PER_TRANSACTION} students to a
 * transaction ({@link InBatches}); a student whose start fails is reported alone.
 */
@Service
public class CaregiverUpdateStarts {

    private static final Logger log = LoggerFactory.getLogger(CaregiverUpdateStarts.class);
    /** Students whose updates start in one transaction; a batch that fails is retried student by student. */
    static final int PER_TRANSACTION = 100;

    private final Families families;
    private final CaregiverUpdates updates;
    private final CaregiverUpdateCadence cadence;
    private final RuntimeService runtime;
    private final RepositoryService repository;
    private final DistrictClock clock;
    private final InBatches batches;

    CaregiverUpdateStarts(Families families, CaregiverUpdates updates, CaregiverUpdateCadence cadence,
                          RuntimeService runtime, RepositoryService repository, DistrictClock clock,
                          InBatches batches) {
        this.repository = repository;
        this.families = families;
        this.updates = updates;
        this.cadence = cadence;
        this.runtime = runtime;
        this.clock = clock;
        this.batches = batches;
    }

    /** A week of one school's term. */
    public record TermWeek(long schoolId, long termId, int week) {
    }

    public enum Outcome {
        STARTED, ALREADY_STARTED, NOT_STARTED
    }

    /** What became of one student's update of a cycle. */
    public record Result(long studentId, long termId, int cycle, Outcome outcome) {
    }

    /** One student's update to start, with the model's latest version as the whole run found it. */
    private record Due(long schoolId, long termId, long studentId, int cycle, String definitionId) {
    }

    /** @return how many updates were started */
    public int startDue(long schoolId, long termId, int week) {
        return (int) startDue(List.of(new TermWeek(schoolId, termId, week)), results -> { }).stream()
                .filter(result -> result.outcome() == Outcome.STARTED)
                .count();
    }

    /**
     * Starts the updates due in each of the weeks, a batch of students per transaction.
     *
     * @param progress the results of each batch once it is committed
     * @return every due student's result, in order
     */
    public List<Result> startDue(List<TermWeek> weeks, Consumer<List<Result>> progress) {
        List<Due> due = new ArrayList<>();
        // Looked up once: by key, the engine would ask the database for the latest version at every start.
        String definitionId = repository.createProcessDefinitionQuery()
                .processDefinitionKey(CaregiverProcesses.UPDATE_PROCESS_KEY).latestVersion().singleResult().getId();
        for (TermWeek week : weeks) {
            for (Student student : families.studentsOfSchool(week.schoolId())) {
                OptionalInt cycle = cadence.cycleIn(week.week(), student);
                if (cycle.isPresent()) {
                    due.add(new Due(week.schoolId(), week.termId(), student.id(), cycle.getAsInt(),
                            definitionId));
                }
            }
        }
        List<Result> results = new ArrayList<>(due.size());
        batches.run(due, PER_TRANSACTION, this::start, this::refused, done -> {
            results.addAll(done);
            progress.accept(done);
        });
        return results;
    }

    private Result start(Due due) {
        var updateId = updates.create(due.schoolId(), due.termId(), due.studentId(), due.cycle(), clock.now());
        if (updateId.isEmpty()) {
            return result(due, Outcome.ALREADY_STARTED);
        }
        String pi = runtime.startProcessInstanceById(due.definitionId(),
                CaregiverProcesses.updateBusinessKey(due.studentId(), due.termId(), due.cycle()),
                variables(due.schoolId(), due.termId(), due.studentId(), due.cycle(), updateId.get())).getId();
        updates.recordProcessInstance(updateId.get(), pi);
        return result(due, Outcome.STARTED);
    }

    /** A student's start failed alone: another node started it meanwhile, or it is reported by ids. */
    private Result refused(Due due, RuntimeException refused) {
        if (updates.find(due.studentId(), due.termId(), due.cycle()).isPresent()) {
            return result(due, Outcome.ALREADY_STARTED);
        }
        log.error("The progress update of student {} in term {}, cycle {}, did not start: {}", due.studentId(),
                due.termId(), due.cycle(), refused.getClass().getName());
        return result(due, Outcome.NOT_STARTED);
    }

    private static Result result(Due due, Outcome outcome) {
        return new Result(due.studentId(), due.termId(), due.cycle(), outcome);
    }

    /** The variables a caregiver-update instance starts with: ids and the cycle, nothing personal. */
    public static VariableMap variables(long schoolId, long termId, long studentId, int cycle, long updateId) {
        return Variables.createVariables()
                .putValue(Var.STUDENT_ID, studentId)
                .putValue(ProcessVariables.SCHOOL_ID, schoolId)
                .putValue(ProcessVariables.TERM_ID, termId)
                .putValue(Var.CYCLE, cycle)
                .putValue(Var.UPDATE_ID, updateId);
    }
}
