package app.tandem.system;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContextFactory;
import org.camunda.bpm.engine.impl.interceptor.CommandContextListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A refused input ({@link InvalidInputException} from a task listener or delegate) rolls the engine's command back,
 * and Camunda, which sees only the exception it wrapped around it, would log that at ERROR with a stack trace. It
 * is no fault: Camunda keeps it to its debug log, and this logs one INFO line naming the field. Never the message,
 * which may quote what the person typed.
 */
@Component
class RefusedInputLog extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(RefusedInputLog.class);
    /** Camunda wraps twice; a cause chain that loops must not hang a failed command. */
    private static final int MAX_CAUSES = 16;

    private static final CommandContextListener LOG_REFUSALS = new CommandContextListener() {
        @Override
        public void onCommandContextClose(CommandContext context) {
        }

        @Override
        public void onCommandFailed(CommandContext context, Throwable failure) {
            InvalidInputException refused = refusalIn(failure);
            if (refused != null) {
                log.info("Input refused, nothing saved: field {}", refused.field());
            }
        }
    };

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        CommandContextFactory factory = new CommandContextFactory() {
            @Override
            public CommandContext createCommandContext() {
                CommandContext context = new RefusalAwareContext(getProcessEngineConfiguration());
                context.registerCommandContextListener(LOG_REFUSALS);
                return context;
            }
        };
        // Camunda hands its configuration only to a factory it made itself.
        factory.setProcessEngineConfiguration(configuration);
        configuration.setCommandContextFactory(factory);
    }

    static InvalidInputException refusalIn(Throwable failure) {
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth++ < MAX_CAUSES; cause = cause.getCause()) {
            if (cause instanceof InvalidInputException refused) {
                return refused;
            }
        }
        return null;
    }

    private static final class RefusalAwareContext extends CommandContext {

        RefusalAwareContext(ProcessEngineConfigurationImpl configuration) {
            super(configuration);
        }

        @Override
        protected boolean shouldLogFine(Throwable failure) {
            return super.shouldLogFine(failure) || refusalIn(failure) != null;
        }
    }
}
