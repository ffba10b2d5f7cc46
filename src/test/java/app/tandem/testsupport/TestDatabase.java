package app.tandem.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Puts the shared test context on PostgreSQL when {@code TANDEM_TEST_DB=postgres} (as CI does),
 * in a schema emptied at the start of the run; otherwise the tests run on in-memory H2.
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final String SCHEMA = "tandem_it";

    public static boolean onPostgres() {
        return "postgres".equalsIgnoreCase(System.getenv("TANDEM_TEST_DB"));
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (!onPostgres()) {
            return;
        }
        try (Connection connection = DriverManager.getConnection(ExternalServiceCondition.PG_URL,
                ExternalServiceCondition.PG_USER, ExternalServiceCondition.PG_PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists " + SCHEMA + " cascade");
            statement.execute("create schema " + SCHEMA);
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
