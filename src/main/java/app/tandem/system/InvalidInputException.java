package app.tandem.system;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * Input a person gave that Tandem refuses. The message is already in words a coordinator
 * understands and names the field, so it can be shown as it is (Camunda's Tasklist shows it too). It is a
 * form field's validation error to the engine, which its REST API answers with a 400 and the message.
 */
public class InvalidInputException extends FormFieldValidationException {

    private final String field;

    public InvalidInputException(String field, String message) {
        super(field, message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
