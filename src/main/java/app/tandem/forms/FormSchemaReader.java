package app.tandem.forms;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads a {@code .form} file: only what Tandem renders and checks, ignoring anything else form-js keeps. */
public final class FormSchemaReader {

    private final ObjectMapper json;

    public FormSchemaReader(ObjectMapper json) {
        this.json = json;
    }

    public FormSchema read(InputStream in) throws IOException {
        JsonNode root = json.readTree(in);
        List<FormComponent> components = new ArrayList<>();
        collect(root.path("components"), components);
        return new FormSchema(text(root, "id"), List.copyOf(components));
    }

    private void collect(JsonNode nodes, List<FormComponent> into) {
        for (JsonNode node : nodes) {
            if (node.has("components")) {
                collect(node.path("components"), into);
                continue;
            }
            into.add(component(node));
        }
    }

    private FormComponent component(JsonNode node) {
        String type = text(node, "type");
        String label = text(node, "label");
        if (label == null && "datetime".equals(type)) {
            label = text(node, "dateLabel") != null ? text(node, "dateLabel") : text(node, "timeLabel");
        }
        List<FormOption> values = new ArrayList<>();
        for (JsonNode value : node.path("values")) {
            values.add(new FormOption(text(value, "label"), text(value, "value")));
        }
        JsonNode digits = node.path("decimalDigits");
        return new FormComponent(text(node, "id"), type, text(node, "key"), label, text(node, "description"),
                text(node, "text"), text(node, "subtype"), rules(node.path("validate")), List.copyOf(values),
                text(node, "valuesKey"), digits.isNumber() ? digits.intValue() : null,
                node.path("disallowPassedDates").asBoolean(false),
                node.path("disabled").asBoolean(false) || node.path("readonly").asBoolean(false),
                node.hasNonNull("defaultValue") ? node.get("defaultValue").asText() : null);
    }

    private static FormRules rules(JsonNode validate) {
        if (validate.isMissingNode() || validate.isNull()) {
            return FormRules.NONE;
        }
        return new FormRules(validate.path("required").asBoolean(false), integer(validate, "minLength"),
                integer(validate, "maxLength"), text(validate, "pattern"), decimal(validate, "min"),
                decimal(validate, "max"), text(validate, "validationType"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Integer integer(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isNumber() ? value.intValue() : null;
    }

    private static BigDecimal decimal(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isNumber() ? value.decimalValue() : null;
    }
}
