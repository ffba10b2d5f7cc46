package app.tandem.family.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.UserRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;

import app.tandem.TandemTest;
import app.tandem.directory.Role;
import app.tandem.directory.School;
import app.tandem.directory.StaffDirectory;
import app.tandem.directory.StaffMember;
import app.tandem.program.ProgramFixture;

@TandemTest
class RosterImportPageTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ProgramFixture programs;
    @Autowired
    StaffDirectory staff;

    private School school;
    private String coordinator;

    @BeforeEach
    void setUp() {
        school = programs.newSchool();
        coordinator = "coord-" + school.code();
        staff.add(new StaffMember(coordinator, school.districtId(), "Ada Okafor", coordinator + "@example.org", "en"),
                "secret", Set.of(Role.COORDINATOR), List.of(school.id()));
    }

    @Test
    void shouldShowCoordinatorsTheImportPageWithTheFormat() throws Exception {
        mvc.perform(get("/family/import").with(as(coordinator, "coordinators")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Import the roster")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("sessions_per_week")));
    }

    @Test
    void shouldHideTheImportFromEveryoneElse() throws Exception {
        mvc.perform(get("/family/import").with(as("teacher-x", "teachers"))).andExpect(status().isNotFound());
        mvc.perform(get("/family/import/roster-template.csv").with(as("liaison-x", "liaisons")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/family/import")).andExpect(status().is3xxRedirection());
    }

    @Test
    void shouldOfferATemplateInTheDocumentedFormat() throws Exception {
        String csv = mvc.perform(get("/family/import/roster-template.csv").with(as(coordinator, "coordinators")))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv.lines().findFirst()).contains(RosterFiles.HEADER_WITH_TERMS);
    }

    @Test
    void shouldImportInTheBackgroundThenShowEveryErrorToItsImporterOnly() throws Exception {
        RosterFiles file = new RosterFiles();
        file.student("S1", school.code(), "Ana Silva", "3", "", 3)
                .caregiver("C1", "S1", "Maria Silva", "maria@@example", "", "en", "email", "yes", "");
        String location = mvc.perform(multipart("/family/import")
                        .file(new MockMultipartFile("file", "roster.csv", "text/csv", file.csv().getBytes(StandardCharsets.UTF_8)))
                        .with(as(coordinator, "coordinators")).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();

        String page = finished(location + "/status");

        assertThat(page).contains("Nothing was imported: the file has 1 problem.", "maria@@example", "<td>3</td>")
                .doesNotContain("hx-get");
        mvc.perform(get(location).with(as("other-" + school.code(), "coordinators"))).andExpect(status().isNotFound());
    }

    @Test
    void shouldSummariseAGoodImport() throws Exception {
        RosterFiles file = new RosterFiles();
        file.student("S1", school.code(), "Ana Silva", "3", "", 3)
                .caregiver("C1", "S1", "Maria Silva", "maria@example.org", "", "en", "email", "yes", "");
        String location = mvc.perform(multipart("/family/import")
                        .file(new MockMultipartFile("file", "roster.csv", "text/csv", file.csv().getBytes(StandardCharsets.UTF_8)))
                        .with(as(coordinator, "coordinators")).with(csrf()))
                .andReturn().getResponse().getRedirectedUrl();

        assertThat(finished(location + "/status")).contains("Imported: 2 added, 0 updated, 0 unchanged.");
    }

    @Test
    void shouldGiveACoordinatorATemplateWithoutSchoolRowsAndPassTheirOwnSchoolAsItIs() throws Exception {
        String csv = mvc.perform(get("/family/import/roster-template.csv").with(as(coordinator, "coordinators")))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv.lines().skip(1)).isNotEmpty().noneMatch(line -> line.startsWith("school,"));

        RosterFiles file = new RosterFiles();
        file.row(file.schoolLine(school.code(), school.name()))
                .student("S1", school.code(), "Ana Silva", "3", "", 3);
        String location = mvc.perform(multipart("/family/import")
                        .file(new MockMultipartFile("file", "roster.csv", "text/csv", file.csv().getBytes(StandardCharsets.UTF_8)))
                        .with(as(coordinator, "coordinators")).with(csrf()))
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(finished(location + "/status")).contains("Imported: 1 added, 0 updated, 1 unchanged.");

        RosterFiles renamed = new RosterFiles();
        renamed.row(renamed.schoolLine(school.code(), "Another Name"));
        String refused = mvc.perform(multipart("/family/import")
                        .file(new MockMultipartFile("file", "roster.csv", "text/csv", renamed.csv().getBytes(StandardCharsets.UTF_8)))
                        .with(as(coordinator, "coordinators")).with(csrf()))
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(finished(refused + "/status")).contains("only program managers add or rename schools.");
    }

    @Test
    void shouldAskForAFileWhenNoneWasChosen() throws Exception {
        mvc.perform(multipart("/family/import").with(as(coordinator, "coordinators")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Choose a CSV file to import.")));
    }

    /** Polls the status fragment as the page does, until the import has finished (bounded, not timed). */
    private String finished(String statusUrl) throws Exception {
        String page = "";
        for (int poll = 0; poll < 200; poll++) {
            page = mvc.perform(get(statusUrl).with(as(coordinator, "coordinators")))
                    .andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            if (!page.contains("hx-get")) {
                return page;
            }
            Thread.sleep(100);
        }
        return page;
    }

    private static UserRequestPostProcessor as(String username, String group) {
        return user(username).authorities(new org.springframework.security.core.authority.SimpleGrantedAuthority(
                "ROLE_" + group));
    }
}
