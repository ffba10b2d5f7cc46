package app.tandem.security;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Set;

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
class SignInTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    StaffDirectory staff;
    @Autowired
    ProgramFixture fixture;

    @BeforeEach
    void aManager() {
        if (staff.byUsername("signin-manager").isEmpty()) {
            School school = fixture.newSchool();
            staff.add(new StaffMember("signin-manager", school.districtId(), "Morgan Manager",
                    "manager@example.org", "en"), "right-password", Set.of(Role.MANAGER), List.of(school.id()));
        }
    }

    @Test
    void shouldSendAnonymousVisitorsToTheSignInPage() throws Exception {
        mvc.perform(get("/")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("http://localhost/login"));
        mvc.perform(get("/login")).andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", WebSecurity.CONTENT_SECURITY_POLICY));
    }

    @Test
    void shouldSignInWithTheCamundaAccountAndCarryItsGroupsAsRoles() throws Exception {
        mvc.perform(formLogin("/login").user("signin-manager").password("right-password"))
                .andExpect(authenticated().withUsername("signin-manager").withRoles("managers"));
    }

    @Test
    void shouldRefuseAWrongPassword() throws Exception {
        mvc.perform(formLogin("/login").user("signin-manager").password("wrong"))
                .andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void shouldSignOutOnlyByPostWithACsrfToken() throws Exception {
        mvc.perform(post("/logout")).andExpect(status().isForbidden());
        mvc.perform(post("/logout").with(csrf())).andExpect(redirectedUrl("/login?signedOut"));
    }
}
