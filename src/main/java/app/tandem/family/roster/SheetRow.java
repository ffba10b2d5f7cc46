package app.tandem.family.roster;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** One row of a {@link CsvSheet} while it is checked: reads its cells and knows whether any was refused. */
public final class SheetRow {

    private final int number;
    private final Map<String, String> values;
    private final CsvSheet sheet;
    private boolean clean = true;

    SheetRow(int number, Map<String, String> values, CsvSheet sheet) {
        this.number = number;
        this.values = values;
        this.sheet = sheet;
    }

    public int number() {
        return number;
    }

    /** The cell's text, stripped; null when empty. */
    public String get(String column) {
        return values.get(column);
    }

    public String required(String column) {
        String value = values.get(column);
        if (value == null) {
            error(column, "roster.error.required");
        }
        return value;
    }

    public LocalDate date(String column) {
        String text = values.get(column);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            error(column, "roster.error.date", text);
            return null;
        }
    }

    /** A whole number from {@code min} to {@code max}, or null (refused, or the cell is empty). */
    public Integer wholeNumber(String column, int min, int max) {
        String text = values.get(column);
        if (text == null) {
            return null;
        }
        Integer number = wholeNumber(text);
        if (number == null || number < min || number > max) {
            error(column, "roster.error.wholeNumber", text, min, max);
            return null;
        }
        return number;
    }

    public BigDecimal decimal(String column) {
        String text = values.get(column);
        if (text == null) {
            return null;
        }
        try {
            BigDecimal number = new BigDecimal(text);
            if (number.scale() > 2 || number.abs().compareTo(BigDecimal.valueOf(9_999_999)) > 0) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            error(column, "roster.error.decimal", text);
            return null;
        }
    }

    public void maxLength(String column, int max) {
        String value = values.get(column);
        if (value != null && value.length() > max) {
            error(column, "roster.error.tooLong", max);
        }
    }

    public void error(String column, String key, Object... args) {
        clean = false;
        sheet.error(number, column, key, args);
    }

    /** A refusal worded already, such as a rule of the terms page. */
    public void refused(String column, String reason) {
        clean = false;
        sheet.refused(number, column, reason);
    }

    public boolean clean() {
        return clean;
    }

    public static Integer wholeNumber(String text) {
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
