package app.tandem.forms;

import java.time.LocalDate;
import java.time.LocalTime;
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

import app.tandem.system.DistrictClock;
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
    private final DistrictClock clock;
    private final ZoneId zone;
    private final FormSchema schema;
    private final List<String> read = new ArrayList<>();

    /** @param schema the deployed form, whose options are the only ones taken; null where there is none */
    SubmittedForm(VariableScope scope, Messages messages, DistrictClock clock, FormSchema schema) {
        this.scope = scope;
        this.messages = messages;
        this.clock = clock;
        this.zone = clock.zone();
        this.schema = schema;
    }

    public String requiredText(String key, int maxLength) {
        String text = text(key, maxLength);
        if (text == null) {
            throw messages.invalid(key, "invalid.required");
        }
        return text;
    }

    /** A day something was done: given, and not in the future. */
    public LocalDate doneOn(String key) {
        LocalDate day = requiredDate(key);
        if (day.isAfter(clock.today())) {
            throw messages.invalid(key, "invalid.inFuture", day);
        }
        return day;
    }

    public int requiredNumber(String key, int min, int max) {
        return number(key, min, max).orElseThrow(() -> messages.invalid(key, "invalid.required"));
    }

    /** A checkbox: ticked or not. */
    public boolean flag(String key) {
        Object value = value(key);
        return value instanceof Boolean ticked ? ticked : value != null && Boolean.parseBoolean(value.toString().strip());
    }

    /** One of the options the form offers, or null when none was chosen. */
    public String option(String key) {
        String value = text(key, 200);
        if (value != null && !offered(key).map(values -> values.contains(value)).orElse(true)) {
            throw messages.invalid(key, "invalid.option", value);
        }
        return value;
    }

    public String requiredOption(String key) {
        String value = option(key);
        if (value == null) {
            throw messages.invalid(key, "invalid.required");
        }
        return value;
    }

    /** The options chosen in a checklist, each one the form offers, in the form's order; at least one. */
    public List<String> requiredOptions(String key) {
        List<String> chosen = options(key);
        if (chosen.isEmpty()) {
            throw messages.invalid(key, "invalid.required");
        }
        return chosen;
    }

    /** The options chosen in a checklist, each one the form offers, in the form's order; perhaps none. */
    public List<String> options(String key) {
        List<String> chosen = choices(key);
        Optional<List<String>> offered = offered(key);
        if (offered.isEmpty()) {
            return chosen;
        }
        for (String value : chosen) {
            if (!offered.get().contains(value)) {
                throw messages.invalid(key, "invalid.option", value);
            }
        }
        return offered.get().stream().filter(chosen::contains).toList();
    }

    /** Whether the task's deployed form has the field (a task without a form takes whatever it is given). */
    public boolean asks(String key) {
        return schema == null || schema.input(key).isPresent();
    }

    /** Every option the deployed form offers for a checklist, radio or select. */
    public List<String> offeredOptions(String key) {
        return offered(key).orElse(List.of());
    }

    /** The values the deployed form offers for the key; empty when Tandem supplies them or there is no form. */
    private Optional<List<String>> offered(String key) {
        if (schema == null) {
            return Optional.empty();
        }
        return schema.input(key).filter(input -> input.valuesKey() == null && input.values() != null)
                .map(input -> input.values().stream().map(FormOption::value).toList());
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

    /** A time of day, as the form's time field sends it ({@code 16:30}). */
    public LocalTime requiredTime(String key) {
        Object value = value(key);
        if (value == null || value.toString().isBlank()) {
            throw messages.invalid(key, "invalid.required");
        }
        if (value instanceof LocalTime time) {
            return time;
        }
        String text = value.toString().strip();
        try {
            return LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            throw messages.invalid(key, "tasklist.invalid.time", text);
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
