package app.tandem.forms;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.VariableScope;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.tandem.system.Messages;

/**
 * The values of a completed task's form, read the way any client may have sent them (Camunda's
 * Tasklist sends dates as text and checklists as JSON). Values a person typed are taken out of
 * the process once read, so they live only in Tandem's tables.
 */
public final class SubmittedForm {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final VariableScope scope;
    private final Messages messages;
    private final ZoneId zone;
    private final List<String> read = new ArrayList<>();

    SubmittedForm(VariableScope scope, Messages messages, ZoneId zone) {
        this.scope = scope;
        this.messages = messages;
        this.zone = zone;
    }

    public LocalDate requiredDate(String key) {
        return date(key).orElseThrow(() -> messages.invalid(key, "invalid.required"));
    }

    public Optional<LocalDate> date(String key) {
        Object value = value(key);
        if (value == null || value.toString().isBlank()) {
            return Optional.empty();
        }
        if (value instanceof Date moment) {
            return Optional.of(LocalDate.ofInstant(moment.toInstant(), zone));
        }
        if (value instanceof LocalDate day) {
            return Optional.of(day);
        }
        String text = value.toString().strip();
        try {
            return Optional.of(LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text));
        } catch (DateTimeParseException e) {
            throw messages.invalid(key, "invalid.date", text);
        }
    }

    public Optional<Integer> number(String key, int min, int max) {
        Object value = value(key);
        if (value == null || value.toString().isBlank()) {
            return Optional.empty();
        }
        int number;
        if (value instanceof Number n) {
            if (n.doubleValue() != Math.rint(n.doubleValue())) {
                throw messages.invalid(key, "invalid.wholeNumber", value);
            }
            number = n.intValue();
        } else {
            try {
                number = Integer.parseInt(value.toString().strip());
            } catch (NumberFormatException e) {
                throw messages.invalid(key, "invalid.wholeNumber", value);
            }
        }
        if (number < min || number > max) {
            throw messages.invalid(key, "invalid.range", min, max);
        }
        return Optional.of(number);
    }

    public String text(String key, int maxLength) {
        Object value = value(key);
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        String text = value.toString().strip();
        if (text.length() > maxLength) {
            throw messages.invalid(key, "invalid.tooLong", maxLength);
        }
        return text;
    }

    /** A checklist's chosen values, in the order given, each once. */
    public List<String> choices(String key) {
        Object value = value(key);
        if (value == null) {
            return List.of();
        }
        Collection<String> chosen = new LinkedHashSet<>();
        if (value instanceof Collection<?> items) {
            items.forEach(item -> chosen.add(String.valueOf(item)));
        } else {
            String text = value.toString().strip();
            if (text.startsWith("[")) {
                try {
                    for (JsonNode item : JSON.readTree(text)) {
                        chosen.add(item.asText());
                    }
                } catch (JsonProcessingException e) {
                    throw messages.invalid(key, "invalid.choices");
                }
            } else if (!text.isEmpty()) {
                for (String item : text.split(",")) {
                    if (!item.isBlank()) {
                        chosen.add(item.strip());
                    }
                }
            }
        }
        return List.copyOf(chosen);
    }

    /** Takes every value this form read out of the process. */
    public void discardFromProcess() {
        read.forEach(scope::removeVariable);
    }

    private Object value(String key) {
        read.add(key);
        return scope.getVariable(key);
    }
}
