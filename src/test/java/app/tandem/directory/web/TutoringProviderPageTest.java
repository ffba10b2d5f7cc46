package app.tandem.directory.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.UserRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;

import app.tandem.TandemTest;
import app.tandem.directory.ChangeLog;
import app.tandem.directory.Role;
import app.tandem.directory.School;
import app.tandem.directory.StaffDirectory;
import app.tandem.directory.StaffMember;
import app.tandem.directory.SubjectKind;
import app.tandem.directory.Term;
import app.tandem.directory.TermPlan;
import app.tandem.directory.Terms;
import app.tandem.directory.TutoringProviders;
import app.tandem.program.ProgramFixture;

/** A term's tutoring provider on its page: who may enter it, what is refused, and the audit log. */
@TandemTest
class TutoringProviderPageTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ProgramFixture programs;
    @Autowired
    Terms terms;
    @Autowired
    StaffDirectory staff;
    @Autowired
    TutoringProviders providers;
    @Autowired
    ChangeLog changes;

    private School school;
    private Term term;
    private String coordinator;
    private String tutor;
    private String teacher;

    @AfterEach
    void realClock() {
        ClockUtil.reset();
    }

    @BeforeEach
    void aSchoolWithATutor() {
        programs.today(LocalDate.of(2027, 8, 2));
        school = programs.newSchool();
        term = terms.plan(new TermPlan(school.id(), "fall", "Fall", LocalDate.of(2027, 9, 1),
                LocalDate.of(2027, 12, 15), "P2W"));
        coordinator = "coord-" + school.code();
        staff.add(new StaffMember(coordinator, school.districtId(), "Ada Okafor", coordinator + "@example.org", "en"),
                "secret", Set.of(Role.COORDINATOR), List.of(school.id()));
        tutor = "tutor-" + school.code();
        staff.add(new StaffMember(tutor, school.districtId(), "Tara Tutor", tutor + "@example.org", "en"),
                "secret", Set.of(Role.TUTOR), List.of(school.id()));
        teacher = "teacher-" + school.code().substring("school-".length());
    }

    @Test
    void shouldLetTheSchoolsCoordinatorNameTheProviderAndItsTutorLeadsInTheAuditLog() throws Exception {
        Document page = page(coordinator, "coordinators");
        assertThat(page.select("#provider-form label.form-check-label").eachText()).containsExactly("Tara Tutor");

        mvc.perform(post("/terms/" + term.id() + "/provider").with(csrf()).with(as(coordinator, "coordinators"))
                        .param("providerName", "Bright Tutors").param("tutorLeads", tutor))
                .andExpect(status().is3xxRedirection());

        assertThat(providers.tutorLeads(term.id(), school.id())).containsExactly(tutor);
        assertThat(page(coordinator, "coordinators").select("#providerName").attr("value")).isEqualTo("Bright Tutors");
        assertThat(changes.newest(school.districtId(), SubjectKind.TERM, 0, 50))
                .anySatisfy(change -> assertThat(change.toString()).contains("TUTOR_LEADS", tutor))
                .anySatisfy(change -> assertThat(change.toString()).contains("TUTORING_PROVIDER", "Bright Tutors"));
    }

    @Test
    void shouldRefuseALeadWhoIsNoTutorKeepingWhatWasEnteredAndHideThePageFromATeacher() throws Exception {
        String html = mvc.perform(post("/terms/" + term.id() + "/provider").with(csrf())
                        .with(as(coordinator, "coordinators"))
                        .param("providerName", "Bright Tutors").param("tutorLeads", teacher))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        Document refused = Jsoup.parse(html);
        assertThat(refused.select("#errors").text()).isEqualTo("Tutor leads: '" + teacher
                + "' is not a tutor at this school: add them to the school's staff as a tutor lead first.");
        assertThat(refused.select("#providerName").attr("value")).isEqualTo("Bright Tutors");
        assertThat(providers.ofTerm(term.id())).isEmpty();

        mvc.perform(get("/terms/" + term.id() + "/provider").with(as(teacher, "teachers")))
                .andExpect(status().isNotFound());
    }

    private Document page(String username, String group) throws Exception {
        return Jsoup.parse(mvc.perform(get("/terms/" + term.id() + "/provider").with(as(username, group)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private static UserRequestPostProcessor as(String username, String group) {
        return user(username).authorities(new SimpleGrantedAuthority("ROLE_" + group));
    }
}
