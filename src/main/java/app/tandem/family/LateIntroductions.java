package app.tandem.family;

import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import app.tandem.system.ProcessVariables;
import app.tandem.family.CaregiverProcesses.Var;
import app.tandem.system.DistrictClock;

/**
 * Introduces the program late to caregivers who arrived after it was introduced at their school: a
 * student enrolled (or a caregiver linked) after the running program passed "Introduce the program to
 * caregivers". Before that step the program introduces them itself; a caregiver with an introduction
 * or an onboarding for the term already is never started twice, so running this again starts nothing.
 */
@Service
public class LateIntroductions {

    private final JdbcClient jdbc;
    private final RuntimeService runtime;
    private final HistoryService history;
    private final DistrictClock clock;

    LateIntroductions(JdbcClient jdbc, RuntimeService runtime, HistoryService history, DistrictClock clock) {
        this.jdbc = jdbc;
        this.runtime = runtime;
        this.history = history;
        this.clock = clock;
    }

    /** @return how many late introductions were started; in a transaction of its own, after the enrolment's */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public int introduceAt(long schoolId) {
        Optional<Long> term = introducedTerm(schoolId);
        if (term.isEmpty()) {
            return 0;
        }
        long termId = term.get();
        int started = 0;
        for (long caregiverId : notYetIntroduced(schoolId, termId)) {
            String key = CaregiverProcesses.onboardingBusinessKey(caregiverId, termId);
            if (history.createHistoricProcessInstanceQuery().processDefinitionKey(CaregiverProcesses.ONBOARDING_PROCESS_KEY)
                    .processInstanceBusinessKey(key).count() > 0 || !claim(termId, caregiverId)) {
                continue;
            }
            runtime.startProcessInstanceByKey(CaregiverProcesses.ONBOARDING_PROCESS_KEY, key,
                    Variables.createVariables()
                            .putValue(Var.CAREGIVER_ID, caregiverId)
                            .putValue(ProcessVariables.SCHOOL_ID, schoolId)
                            .putValue(ProcessVariables.TERM_ID, termId)
                            .putValue(Var.LATE, true));
            started++;
        }
        return started;
    }

    /** Records the late introduction; false when it was recorded already. */
    private boolean claim(long termId, long caregiverId) {
        return jdbc.sql("insert into late_introduction (term_id, caregiver_id, started_at) select ?, ?, ? "
                        + "from school_term where id = ? and not exists (select 1 from late_introduction "
                        + "where term_id = ? and caregiver_id = ?)")
                .params(termId, caregiverId, java.sql.Timestamp.from(clock.now()), termId, termId, caregiverId)
                .update() == 1;
    }

    /** The school's term whose running program has already introduced itself to caregivers, if any. */
    private Optional<Long> introducedTerm(long schoolId) {
        List<Object[]> running = jdbc.sql("select id, program_instance_id from school_term where school_id = ? "
                        + "and program_instance_id is not null and program_instance_id <> 'starting' "
                        + "and cancelled_on is null and ends_on >= ? order by starts_on")
                .params(schoolId, clock.today())
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)})
                .list();
        for (Object[] term : running) {
            String programId = (String) term[1];
            boolean active = runtime.createProcessInstanceQuery().processInstanceId(programId).active().count() > 0;
            boolean introduced = history.createHistoricActivityInstanceQuery().processInstanceId(programId)
                    .activityId(CaregiverProcesses.INTRODUCE_PROGRAM_TO_CAREGIVERS).finished().count() > 0;
            if (active && introduced) {
                return Optional.of((Long) term[0]);
            }
        }
        return Optional.empty();
    }

    private List<Long> notYetIntroduced(long schoolId, long termId) {
        return jdbc.sql("select distinct l.caregiver_id from student_caregiver l join student s on s.id = l.student_id "
                        + "where s.school_id = ? and not exists (select 1 from family_message m where m.term_id = ? "
                        + "and m.caregiver_id = l.caregiver_id and m.kind = 'INTRODUCTION') order by l.caregiver_id")
                .params(schoolId, termId)
                .query(Long.class)
                .list();
    }
}
