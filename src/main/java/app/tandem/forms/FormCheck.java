package app.tandem.forms;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.tandem.system.DistrictClock;

/**
 * Checks a submission against the form's own rules, as Camunda's form-js would in the browser,
 * but on the server where it cannot be skipped: required, length, pattern, range, whole numbers,
 * dates, and only offered choices. Values come out typed; keys the form does not have are dropped.
 */
@Component
public class FormCheck {

    /** The {@code valuesKey} of a list of the task's school's staff, which Tandem supplies. */
    public static final String SCHOOL_STAFF = "schoolStaffOptions";

    /** The longest free text Tandem keeps when the form sets no limit. */
    static final int TEXT_LIMIT = 10_000;

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()./-]{6,20}");

    private final FormText text;
    private final DistrictClock clock;
    private final ObjectMapper json;

    FormCheck(FormText text, DistrictClock clock, ObjectMapper json) {
        this.text = text;
        this.clock = clock;
        this.json = json;
    }

    /**
     * @param submitted request parameters (each key may repeat, as a checklist's does)
     * @param options   the choices of a component, including those Tandem supplies by {@code valuesKey}
     */
    public FormSubmission check(FormSchema form, Map<String, List<String>> submitted,
                                Function<FormComponent, List<FormOption>> options) {
        Map<String, List<String>> entered = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        VariableMap variables = Variables.createVariables();
        Map<String, Object> values = new LinkedHashMap<>();
        for (FormComponent input : form.inputs()) {
            List<String> raw = submitted.getOrDefault(input.key(), List.of()).stream()
                    .map(value -> value == null ? "" : value)
                    .toList();
            entered.put(input.key(), raw);
            Field field = new Field(form, input, raw, options);
            try {
                field.read(variables, values);
            } catch (Refusal refusal) {
                errors.put(input.key(), text.label(form, input) + ": " + refusal.getMessage());
            }
        }
        return new FormSubmission(form, entered, errors, errors.isEmpty() ? variables : null,
                errors.isEmpty() ? values : Map.of());
    }

    private final class Field {
        private final FormSchema form;
        private final FormComponent input;
        private final List<String> raw;
        private final Function<FormComponent, List<FormOption>> options;
        private final FormRules rules;

        Field(FormSchema form, FormComponent input, List<String> raw,
              Function<FormComponent, List<FormOption>> options) {
            this.form = form;
            this.input = input;
            this.raw = raw;
            this.options = options;
            this.rules = input.rules();
        }

        void read(VariableMap variables, Map<String, Object> values) {
            String key = input.key();
            switch (input.type()) {
                case "textfield", "textarea" -> freeText().ifPresent(value -> {
                    // Transient: the process's listeners read it in this command and keep it in
                    // Tandem's tables; Camunda never writes it to its variables or history.
                    variables.putValueTyped(key, Variables.stringValue(value, true));
                    values.put(key, value);
                });
                case "number" -> number().ifPresent(value -> {
                    variables.putValueTyped(key, value instanceof Integer i ? Variables.integerValue(i)
                            : value instanceof Long l ? Variables.longValue(l)
                            : Variables.doubleValue((Double) value));
                    values.put(key, value);
                });
                case "checkbox" -> {
                    boolean checked = raw.stream().anyMatch(v -> "true".equals(v) || "on".equals(v));
                    if (rules.required() && !checked) {
                        throw refuse("tasklist.invalid.unchecked");
                    }
                    variables.putValueTyped(key, Variables.booleanValue(checked));
                    values.put(key, checked);
                }
                case "checklist" -> {
                    List<String> chosen = choices();
                    if (!chosen.isEmpty() || rules.required()) {
                        if (chosen.isEmpty()) {
                            throw refuse("invalid.required");
                        }
                        variables.putValueTyped(key, SpinValues.jsonValue(toJson(chosen)).create());
                        values.put(key, chosen);
                    }
                }
                case "radio", "select" -> single().ifPresent(value -> {
                    variables.putValueTyped(key, Variables.stringValue(value));
                    values.put(key, value);
                });
                case "datetime" -> moment(variables, values);
                default -> {
                    // not an input
                }
            }
        }

        private Optional<String> freeText() {
            String value = first();
            if (value.isBlank()) {
                return required();
            }
            value = value.strip();
            int max = rules.maxLength() != null ? rules.maxLength() : TEXT_LIMIT;
            if (value.length() > max) {
                throw refuse("invalid.tooLong", max);
            }
            if (rules.minLength() != null && value.length() < rules.minLength()) {
                throw refuse("tasklist.invalid.tooShort", rules.minLength());
            }
            if (rules.pattern() != null && !matches(rules.pattern(), value)) {
                throw refuse("tasklist.invalid.pattern");
            }
            if ("email".equals(rules.validationType()) && !EMAIL.matcher(value).matches()) {
                throw refuse("invalid.emailAddress", value);
            }
            if ("phone".equals(rules.validationType()) && !PHONE.matcher(value).matches()) {
                throw refuse("tasklist.invalid.phone", value);
            }
            return Optional.of(value);
        }

        private Optional<Object> number() {
            String value = first().strip();
            if (value.isEmpty()) {
                return required();
            }
            BigDecimal number;
            try {
                number = new BigDecimal(value);
            } catch (NumberFormatException e) {
                throw refuse("tasklist.invalid.number", value);
            }
            int decimals = Math.max(0, number.stripTrailingZeros().scale());
            Integer allowed = input.decimalDigits();
            if (allowed != null && decimals > allowed) {
                throw allowed == 0 ? refuse("invalid.wholeNumber", value) : refuse("tasklist.invalid.decimals", allowed);
            }
            if (rules.min() != null && number.compareTo(rules.min()) < 0) {
                throw rules.max() != null ? refuse("invalid.range", plain(rules.min()), plain(rules.max()))
                        : refuse("tasklist.invalid.min", plain(rules.min()));
            }
            if (rules.max() != null && number.compareTo(rules.max()) > 0) {
                throw rules.min() != null ? refuse("invalid.range", plain(rules.min()), plain(rules.max()))
                        : refuse("tasklist.invalid.max", plain(rules.max()));
            }
            if (decimals == 0) {
                try {
                    long whole = number.longValueExact();
                    return Optional.of(whole >= Integer.MIN_VALUE && whole <= Integer.MAX_VALUE
                            ? (Object) (int) whole : (Object) whole);
                } catch (ArithmeticException e) {
                    throw refuse("tasklist.invalid.number", value);
                }
            }
            return Optional.of(number.doubleValue());
        }

        private List<String> choices() {
            Set<String> allowed = allowed();
            Set<String> chosen = new LinkedHashSet<>();
            for (String value : raw) {
                if (value.isBlank()) {
                    continue;
                }
                if (!allowed.contains(value)) {
                    throw notOffered(value);
                }
                chosen.add(value);
            }
            return new ArrayList<>(chosen);
        }

        private Optional<String> single() {
            String value = first();
            if (value.isBlank()) {
                return required();
            }
            if (!allowed().contains(value)) {
                throw notOffered(value);
            }
            return Optional.of(value);
        }

        private void moment(VariableMap variables, Map<String, Object> values) {
            String value = first().strip();
            if (value.isEmpty()) {
                required();
                return;
            }
            String key = input.key();
            switch (input.dateKind()) {
                case "time" -> {
                    LocalTime time = parse(() -> LocalTime.parse(value), "tasklist.invalid.time", value);
                    variables.putValueTyped(key, Variables.stringValue(time.toString()));
                    values.put(key, time.toString());
                }
                case "datetime" -> {
                    LocalDateTime moment = parse(() -> LocalDateTime.parse(value), "tasklist.invalid.datetime", value);
                    if (input.disallowPassedDates() && moment.toLocalDate().isBefore(clock.today())) {
                        throw refuse("tasklist.invalid.passed");
                    }
                    variables.putValueTyped(key, Variables.dateValue(Date.from(moment.atZone(clock.zone()).toInstant())));
                    values.put(key, moment.toString());
                }
                default -> {
                    LocalDate day = parse(() -> LocalDate.parse(value), "invalid.date", value);
                    if (input.disallowPassedDates() && day.isBefore(clock.today())) {
                        throw refuse("tasklist.invalid.passed");
                    }
                    variables.putValueTyped(key, Variables.dateValue(clock.startOf(day)));
                    values.put(key, day.toString());
                }
            }
        }

        private <T> T parse(Supplier<T> parser, String code, String value) {
            try {
                return parser.get();
            } catch (DateTimeParseException e) {
                throw refuse(code, value);
            }
        }

        /** Staff chosen from the school's list are refused in the school's words. */
        private Refusal notOffered(String value) {
            return SCHOOL_STAFF.equals(input.valuesKey()) ? refuse("invalid.notSchoolStaff", value)
                    : refuse("invalid.option", value);
        }

        private <T> Optional<T> required() {
            if (rules.required()) {
                throw refuse("invalid.required");
            }
            return Optional.empty();
        }

        private Set<String> allowed() {
            return options.apply(input).stream().map(FormOption::value).collect(Collectors.toSet());
        }

        private String first() {
            return raw.isEmpty() ? "" : raw.get(0);
        }

        private Refusal refuse(String code, Object... args) {
            return new Refusal(text.message(code, args));
        }
    }

    private static boolean matches(String pattern, String value) {
        try {
            return Pattern.compile(pattern).matcher(value).matches();
        } catch (PatternSyntaxException e) {
            return true;
        }
    }

    private static String plain(BigDecimal number) {
        return number.stripTrailingZeros().toPlainString();
    }

    private String toJson(List<String> chosen) {
        try {
            return json.writeValueAsString(chosen);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class Refusal extends RuntimeException {
        Refusal(String message) {
            super(message, null, false, false);
        }
    }
}
