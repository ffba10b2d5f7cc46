package app.tandem.tasklist;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The values each completed form was submitted with: Camunda keeps no history of them. */
@Repository
public class TaskSubmissions {

    private static final TypeReference<Map<String, Object>> VALUES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    TaskSubmissions(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void record(String taskId, String formId, Map<String, Object> values, String by, Instant at) {
        try {
            jdbc.sql("insert into task_submission (task_id, form_id, form_values, submitted_by, submitted_at) "
                            + "values (?, ?, ?, ?, ?)")
                    .params(taskId, formId, json.writeValueAsString(values), by, Timestamp.from(at))
                    .update();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Form values of task " + taskId + " cannot be written as JSON", e);
        }
    }

    public Optional<Map<String, Object>> valuesOf(String taskId) {
        return jdbc.sql("select form_values from task_submission where task_id = ?")
                .param(taskId)
                .query(String.class)
                .optional()
                .map(this::read);
    }

    private Map<String, Object> read(String values) {
        try {
            return json.readValue(values, VALUES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored form submission is not JSON", e);
        }
    }
}
