package app.tandem.program;

import org.camunda.bpm.engine.delegate.VariableScope;

/** Which school, term and process instance a piece of evidence belongs to. */
public record ProgramRef(long schoolId, long termId, String processInstanceId) {

    static ProgramRef of(VariableScope scope, String processInstanceId) {
        return new ProgramRef(((Number) scope.getVariable(SchoolProgram.Var.SCHOOL_ID)).longValue(),
                ((Number) scope.getVariable(SchoolProgram.Var.TERM_ID)).longValue(), processInstanceId);
    }
}
