package app.tandem;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

import app.tandem.testsupport.TestDatabase;

/**
 * One shared application context for the suite: in-memory H2 (PostgreSQL with TANDEM_TEST_DB=postgres),
 * no demo data, no job executor, MockMvc ready. It listens on a random port, so browser tests drive the
 * same application the MockMvc tests call. Add nothing that changes the context (no mock beans, no extra
 * properties), so every test class shares it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@AutoConfigureObservability(tracing = false)
@ActiveProfiles("test")
@ContextConfiguration(initializers = TestDatabase.class)
public @interface TandemTest {
}
