package app.tandem.system.health;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import app.tandem.TandemTest;
import app.tandem.directory.Role;
import app.tandem.directory.School;
import app.tandem.directory.StaffDirectory;
import app.tandem.directory.StaffMember;
import app.tandem.program.ProgramFixture;

@TandemTest
class ActuatorTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    StaffDirectory staff;
    @Autowired
    ProgramFixture fixture;

    @BeforeEach
    void accounts() {
        if (staff.byUsername("ops-1").isEmpty()) {
            School school = fixture.newSchool();
            staff.add(new StaffMember("ops-1", school.districtId(), "Olu Operator", "ops@example.org", "en"),
                    "ops-password", Set.of(Role.OPERATOR), List.of());
            staff.add(new StaffMember("coord-ops", school.districtId(), "Cam Coordinator", "cc@example.org", "en"),
                    "coord-password", Set.of(Role.COORDINATOR), List.of(school.id()));
        }
    }

    @BeforeEach
    void pinTheClock() {
        fixture.today(LocalDate.of(2027, 2, 1));
    }

    @AfterEach
    void resetTheClock() {
        ClockUtil.reset();
    }

    @Test
    void shouldTellAnyoneWhetherTandemIsUpWithoutDetails() throws Exception {
        // Other tests share this application (a stopped mail server, a job executor that is off), so
        // the overall status may be down here; what matters is that strangers see no details.
        mvc.perform(get("/actuator/health"))
                .andExpect(jsonPath("$.status").isString())
                .andExpect(jsonPath("$.components").doesNotExist())
                .andExpect(content().string(not(containsString("jobBacklog"))));
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
    }

    @Test
    void shouldShowOperatorsTheDatabaseAndJobBacklog() throws Exception {
        mvc.perform(get("/actuator/health").with(httpBasic("ops-1", "ops-password")))
                .andExpect(jsonPath("$.components.db.status").value("UP"))
                .andExpect(jsonPath("$.components.mailServer.status").isString())
                .andExpect(jsonPath("$.components.jobBacklog.status").isString())
                .andExpect(jsonPath("$.components.jobBacklog.details.oldestWaitSeconds").isNumber())
                .andExpect(jsonPath("$.components.jobBacklog.details.dueJobs").isNumber());
    }

    @Test
    void shouldServeMetricsToOperatorsOnly() throws Exception {
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/prometheus").with(httpBasic("coord-ops", "coord-password")))
                .andExpect(status().isForbidden());
        fixture.start(LocalDate.of(2027, 3, 1), LocalDate.of(2027, 5, 1), "P2W");
        mvc.perform(get("/actuator/prometheus").with(httpBasic("ops-1", "ops-password")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("tandem_tasks_open{application=\"tandem\"}")))
                .andExpect(content().string(containsString("tandem_jobs_backlog")))
                .andExpect(content().string(containsString("tandem_health_up{application=\"tandem\",component=\"mailServer\"} 1.0")))
                .andExpect(content().string(containsString("tandem_messages{application=\"tandem\",state=\"sent\"}")))
                .andExpect(content().string(containsString("tandem_messages{application=\"tandem\",state=\"failed\"}")));
    }
}
