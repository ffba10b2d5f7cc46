package app.tandem.testsupport;

import java.sql.SQLException;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Puts the shared test context on PostgreSQL when {@code TANDEM_TEST_DB=postgres} (as CI does),
 * in a schema emptied at the start of the run; otherwise the tests run on in-memory H2.
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** One schema per test JVM, so several runs on one server (developers, CI) never meet. */
    static final String SCHEMA = PostgresSchemas.unique("tandem_it");

    public static boolean onPostgres() {
        return "postgres".equalsIgnoreCase(System.getenv("TANDEM_TEST_DB"));
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (!onPostgres()) {
            return;
        }
        try {
            PostgresSchemas.recreate(SCHEMA);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> PostgresSchemas.dropQuietly(SCHEMA)));
        } catch (SQLException e) {
            throw new IllegalStateException("TANDEM_TEST_DB=postgres, but PostgreSQL at "
                    + ExternalServiceCondition.PG_URL + " cannot be prepared: " + e.getMessage(), e);
        }
        System.out.println("Spring tests run on PostgreSQL: " + ExternalServiceCondition.PG_URL + ", schema " + SCHEMA);
        TestPropertyValues.of(
                "spring.datasource.url=" + ExternalServiceCondition.PG_URL + "?currentSchema=" + SCHEMA,
                "spring.datasource.username=" + ExternalServiceCondition.PG_USER,
                "spring.datasource.password=" + ExternalServiceCondition.PG_PASSWORD,
                "camunda.bpm.database.schema-name=" + SCHEMA,
                "camunda.bpm.database.table-prefix=" + SCHEMA + ".").applyTo(context);
    }
}
