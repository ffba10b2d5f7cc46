package app.tandem.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test against a real PostgreSQL server ({@code TANDEM_TEST_PG_URL}, by default
 * {@code jdbc:postgresql://127.0.0.1:5432/test} as user {@code postgres}). Without one the test is
 * skipped with the reason printed; on CI ({@code CI=true}) it fails instead.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(ExternalServiceCondition.Postgres.class)
public @interface RequiresPostgres {
}
