package app.tandem.forms;

import java.math.BigDecimal;

/**
 * A component's {@code validate} block.
 *
 * @param validationType form-js's {@code email} or {@code phone}, or null
 */
public record FormRules(boolean required, Integer minLength, Integer maxLength, String pattern, BigDecimal min,
                        BigDecimal max, String validationType) {

    static final FormRules NONE = new FormRules(false, null, null, null, null, null, null);
}
