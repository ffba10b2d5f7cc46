package app.tandem.tasklist;

import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

import app.tandem.system.InvalidInputException;

/**
 * The engine wraps what a task listener throws in its own exception (ENGINE-03051). A refused input is unwrapped at
 * the command's edge, after the rollback, so every caller sees the field and the message a person can act on, and
 * the REST API answers it with a 400 as it does Camunda's own form-field validation errors.
 */
class EngineRefusals extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
        try {
            return next.execute(command);
        } catch (RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof InvalidInputException refused) {
                    throw refused;
                }
            }
            throw e;
        }
    }
}
