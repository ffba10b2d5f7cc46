package app.tandem.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import app.tandem.TandemApplication;
import app.tandem.program.SchoolProgram;
import app.tandem.testsupport.ExternalServiceCondition;
import app.tandem.testsupport.PostgresSchemas;
import app.tandem.testsupport.RequiresPostgres;

/** The {@code postgres} profile as an operator runs it: settings from the environment, an empty database. */
@RequiresPostgres
class PostgresProfileTest {

    private static final String SCHEMA = PostgresSchemas.unique("tandem_profile_it");

    @BeforeAll
    static void emptySchema() throws SQLException {
        PostgresSchemas.recreate(SCHEMA);
    }

    @AfterAll
    static void dropSchema() {
        PostgresSchemas.dropQuietly(SCHEMA);
    }

    @Test
    void shouldMigrateAnEmptyDatabaseAndStartAgainOnIt() {
        try (ConfigurableApplicationContext app = start()) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select count(*) from tandem_schema_history where success").query(Integer.class)
                    .single()).isGreaterThanOrEqualTo(2);
            assertThat(jdbc.sql("select count(*) from district").query(Integer.class).single())
                    .as("no demo data unless TANDEM_DEMO=true").isZero();
            ProcessEngine engine = app.getBean(ProcessEngine.class);
            assertThat(engine.getRepositoryService().createProcessDefinitionQuery()
                    .processDefinitionKey(SchoolProgram.PROCESS_KEY).count()).isEqualTo(1);
            assertThat(engine.getIdentityService().createGroupQuery().groupId("school-leaders").count()).isEqualTo(1);
        }
        try (ConfigurableApplicationContext app = start()) {
            assertThat(app.getBean(ProcessEngine.class).getRepositoryService().createDeploymentQuery().count())
                    .as("a restart deploys nothing new").isEqualTo(1);
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(TandemApplication.class)
                .profiles("postgres")
                .run("--TANDEM_DB_URL=" + ExternalServiceCondition.PG_URL + "?currentSchema=" + SCHEMA,
                        "--TANDEM_DB_USER=" + ExternalServiceCondition.PG_USER,
                        "--TANDEM_DB_PASSWORD=" + ExternalServiceCondition.PG_PASSWORD,
                        "--camunda.bpm.database.schema-name=" + SCHEMA,
                        "--camunda.bpm.database.table-prefix=" + SCHEMA + ".",
                        "--camunda.bpm.job-execution.enabled=false",
                        "--server.port=0",
                        "--tandem.mail.embedded.port=0", "--tandem.mail.embedded.imap-port=0");
    }
}
