package app.tandem.forms;

import java.util.List;
import java.util.Optional;

/** A Camunda Form, its components flattened in the order they appear (groups opened up). */
public record FormSchema(String id, List<FormComponent> components) {

    public List<FormComponent> inputs() {
        return components.stream().filter(FormComponent::takesInput).toList();
    }

    public Optional<FormComponent> input(String key) {
        return inputs().stream().filter(component -> component.key().equals(key)).findFirst();
    }
}
