package app.tandem.system;

/**
 * Input a person gave that Tandem refuses. The message is already in words a coordinator
 * understands and names the field, so it can be shown as it is (Camunda's Tasklist shows it too).
 */
public class InvalidInputException extends RuntimeException {

    private final String field;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
