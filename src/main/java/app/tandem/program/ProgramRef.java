package app.tandem.program;

import org.camunda.bpm.engine.delegate.VariableScope;

import app.tandem.system.ProcessVariables;

/** Which school, term and process instance a piece of evidence belongs to. */
public record ProgramRef(long schoolId, long termId, String processInstanceId) {

    static ProgramRef of(VariableScope scope, String processInstanceId) {
        return new ProgramRef(((Number) scope.getVariable(ProcessVariables.SCHOOL_ID)).longValue(),
                ((Number) scope.getVariable(ProcessVariables.TERM_ID)).longValue(), processInstanceId);
    }
}
