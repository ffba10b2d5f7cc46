package app.tandem.system;

import org.camunda.bpm.engine.delegate.VariableScope;

/** The process variables that more than one model or feature shares, and reading Tandem's process variables. */
public final class ProcessVariables {

    /**
     * The school and term a process is about: school-program starts with them and hands them on to the caregiver
     * processes; the task list, task mail and dashboard read them from any of these.
     */
    public static final String SCHOOL_ID = "schoolId";
    public static final String TERM_ID = "termId";
    /** The district of a process that belongs to no school: its tasks are offered to the group district-wide. */
    public static final String DISTRICT_ID = "districtId";

    private ProcessVariables() {
    }

    /** A numeric id variable as a long, however the engine stored it (Integer or Long). */
    public static long id(VariableScope scope, String name) {
        return ((Number) scope.getVariable(name)).longValue();
    }
}
