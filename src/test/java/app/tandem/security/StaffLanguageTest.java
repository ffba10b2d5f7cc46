package app.tandem.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import app.tandem.TandemTest;
import app.tandem.directory.Role;
import app.tandem.directory.School;
import app.tandem.directory.StaffDirectory;
import app.tandem.directory.StaffMember;
import app.tandem.program.ProgramFixture;

/** Pages speak the language of the signed-in person's staff record; the browser decides before sign-in. */
@TandemTest
class StaffLanguageTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    StaffDirectory staff;
    @Autowired
    ProgramFixture fixture;

    @Test
    void shouldShowTheTaskListInTheLanguageOfTheStaffRecordWhateverTheBrowserAsks() throws Exception {
        School school = fixture.newSchool();
        String spanish = "lang-es-" + school.code();
        String english = "lang-en-" + school.code();
        staff.add(new StaffMember(spanish, school.districtId(), "Marta Ruiz", spanish + "@example.org", "es"), "pw-12345678",
                Set.of(Role.COORDINATOR), List.of(school.id()));
        staff.add(new StaffMember(english, school.districtId(), "Mark Rees", english + "@example.org", "en"), "pw-12345678",
                Set.of(Role.COORDINATOR), List.of(school.id()));

        assertThat(htmlLang(spanish, "en-US")).isEqualTo("es");
        assertThat(htmlLang(english, "es")).isEqualTo("en");
        String signIn = mvc.perform(get("/login").header("Accept-Language", "es")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(Jsoup.parse(signIn).select("html").attr("lang")).as("before sign-in").isEqualTo("es");
    }

    private String htmlLang(String username, String browser) throws Exception {
        String page = mvc.perform(get("/tasks").header("Accept-Language", browser)
                        .with(user(username).roles(Role.COORDINATOR.groupId())))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return Jsoup.parse(page).select("html").attr("lang");
    }
}
