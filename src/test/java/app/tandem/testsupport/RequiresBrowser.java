package app.tandem.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test that drives headless Chromium ({@code /usr/bin/chromium}, or {@code TANDEM_CHROMIUM}).
 * Without it the test is skipped with the reason printed; on CI ({@code CI=true}) it fails instead.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(ExternalServiceCondition.Browser.class)
public @interface RequiresBrowser {
}
