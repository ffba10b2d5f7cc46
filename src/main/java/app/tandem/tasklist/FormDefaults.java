package app.tandem.tasklist;

import java.util.List;
import java.util.Map;

/**
 * What a feature proposes for a task's form before anyone has entered anything, such as a progress update drafted
 * from the tutoring data. A port: the features after the tasklist provide it as Spring beans; the person still
 * submits every value through the one completion path.
 */
public interface FormDefaults {

    /** @return values per form key, as a person would enter them; empty when this feature has none for the task */
    Map<String, List<String>> of(TaskRecord task);
}
