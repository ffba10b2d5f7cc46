package app.tandem.forms;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

import app.tandem.system.Messages;
import app.tandem.system.TandemProperties;

@Component
public class SubmittedForms {

    private final Messages messages;
    private final TandemProperties properties;

    public SubmittedForms(Messages messages, TandemProperties properties) {
        this.messages = messages;
        this.properties = properties;
    }

    public SubmittedForm of(VariableScope scope) {
        return new SubmittedForm(scope, messages, properties.timeZone());
    }
}
