package app.tandem.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;

import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.digest.Sha512HashDigest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import app.tandem.TandemTest;
import app.tandem.directory.Role;
import app.tandem.directory.School;
import app.tandem.directory.StaffDirectory;
import app.tandem.directory.StaffMember;
import app.tandem.program.ProgramFixture;

/** Passwords are stored with Argon2id, and older SHA-512 hashes move to it at the next sign-in (issue 14, item 3). */
@TandemTest
class PasswordHashTest {

    private static final String PASSWORD = "Tutoring-Works-2031";

    @Autowired
    MockMvc mvc;
    @Autowired
    StaffDirectory staff;
    @Autowired
    ProgramFixture fixture;
    @Autowired
    IdentityService identity;
    @Autowired
    JdbcClient jdbc;

    School school;

    @BeforeEach
    void aSchool() {
        school = fixture.newSchool();
    }

    @Test
    void shouldStoreANewPasswordWithArgon2id() {
        String username = account("new-hash");

        assertThat(storedPassword(username)).startsWith("{ARGON2ID}$argon2id$");
        assertThat(identity.checkPassword(username, PASSWORD)).isTrue();
        assertThat(identity.checkPassword(username, PASSWORD + "x")).isFalse();
    }

    @Test
    void shouldSignInOnceWithAnOldSha512HashAndStoreTheNewFormatAfterwards() throws Exception {
        String username = account("old-hash");
        String salt = jdbc.sql("select SALT_ from ACT_ID_USER where ID_ = ?").param(username).query(String.class).single();
        // As Camunda stored it before: SHA-512 of the password followed by the account's salt.
        String sha512 = "{SHA-512}" + new Sha512HashDigest().encrypt(PASSWORD + salt);
        jdbc.sql("update ACT_ID_USER set PWD_ = ? where ID_ = ?").params(sha512, username).update();

        mvc.perform(formLogin("/login").user(username).password(PASSWORD)).andExpect(authenticated().withUsername(username));

        assertThat(storedPassword(username)).startsWith("{ARGON2ID}$argon2id$");
        mvc.perform(formLogin("/login").user(username).password(PASSWORD)).andExpect(authenticated().withUsername(username));
    }

    private String account(String prefix) {
        String username = SignInSteps.unique(prefix);
        staff.add(new StaffMember(username, school.districtId(), "Hana Hash", username + "@example.org", "en"), PASSWORD,
                Set.of(Role.COORDINATOR), List.of(school.id()));
        return username;
    }

    private String storedPassword(String username) {
        return jdbc.sql("select PWD_ from ACT_ID_USER where ID_ = ?").param(username).query(String.class).single();
    }
}
