package app.tandem.security;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/** Camunda hashes new and changed passwords with {@link SlowPasswordHash}. */
@Component
class SlowPasswordHashInCamunda extends AbstractProcessEnginePlugin {

    private final SlowPasswordHash hash;

    SlowPasswordHashInCamunda(SlowPasswordHash hash) {
        this.hash = hash;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setPasswordEncryptor(hash);
    }
}
