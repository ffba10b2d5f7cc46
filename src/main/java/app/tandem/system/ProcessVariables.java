package app.tandem.system;

import org.camunda.bpm.engine.delegate.VariableScope;

/** Reading Tandem's process variables. */
public final class ProcessVariables {

    private ProcessVariables() {
    }

    /** A numeric id variable as a long, however the engine stored it (Integer or Long). */
    public static long id(VariableScope scope, String name) {
        return ((Number) scope.getVariable(name)).longValue();
    }
}
