package app.tandem.system;

import java.util.LinkedHashMap;
import java.util.Map;

/** What is wrong with a form a person filled in: one message per field, in the order found. */
public final class FieldErrors {

    private final Map<String, String> byField = new LinkedHashMap<>();

    public void add(InvalidInputException problem) {
        byField.putIfAbsent(problem.field(), problem.getMessage());
    }

    public boolean isEmpty() {
        return byField.isEmpty();
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    public String of(String field) {
        return byField.get(field);
    }

    public Map<String, String> all() {
        return Map.copyOf(byField);
    }

    /** For templates: the messages in the order the fields were checked. */
    public Iterable<String> messages() {
        return byField.values();
    }
}
