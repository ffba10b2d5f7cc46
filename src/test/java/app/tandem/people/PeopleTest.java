package app.tandem.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Set;

import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.hamcrest.Matchers;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import app.tandem.TandemTest;
import app.tandem.directory.ChangeLog;
import app.tandem.directory.ChangeSource;
import app.tandem.directory.ChangedField;
import app.tandem.directory.LoggedChange;
import app.tandem.directory.Role;
import app.tandem.directory.School;
import app.tandem.directory.Schools;
import app.tandem.directory.StaffDirectory;
import app.tandem.directory.StaffMember;
import app.tandem.directory.SubjectKind;
import app.tandem.notify.Mailroom;
import app.tandem.notify.MessageKind;
import app.tandem.notify.OutboxMessage;
import app.tandem.notify.SecretLinks;
import app.tandem.program.ProgramFixture;
import app.tandem.directory.Viewer;
import app.tandem.system.DistrictClock;

/** The people page: inviting, choosing a password through the mail's link, who may do what, deactivating. */
@TandemTest
class PeopleTest {

    private static final String PASSWORD = "correct horse battery";

    @Autowired
    MockMvc mvc;
    @Autowired
    ProgramFixture programs;
    @Autowired
    StaffDirectory staff;
    @Autowired
    ChangeLog changes;
    @Autowired
    Mailroom mailroom;
    @Autowired
    TaskService tasks;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DistrictClock clock;
    @Autowired
    People people;
    @Autowired
    Schools schools;

    private School school;
    private School otherSchool;
    private String tag;
    private String manager;
    private String coordinator;
    private String colleagueElsewhere;

    @BeforeEach
    void setUp() {
        school = programs.newSchool();
        otherSchool = programs.newSchool();
        tag = school.code().substring("school-".length());
        manager = person("pm-" + tag, Role.MANAGER, school);
        coordinator = person("pc-" + tag, Role.COORDINATOR, school);
        colleagueElsewhere = person("pt-" + tag, Role.TEACHER, otherSchool);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void shouldInviteANewPersonWhoChoosesTheirPasswordThroughTheMailAndSignsIn() throws Exception {
        String username = "new-" + tag;
        mvc.perform(add(manager, Role.MANAGER, username, username + "@example.org", "teachers"))
                .andExpect(redirectedUrl("/admin/people"));

        assertThat(audit(username)).extracting(LoggedChange::field, LoggedChange::after, LoggedChange::changedBy,
                        LoggedChange::source)
                .contains(org.assertj.core.groups.Tuple.tuple(ChangedField.GROUPS, "teachers", manager, ChangeSource.PAGE));
        List<OutboxMessage> queued = mailroom.queuedFor(username, MessageKind.STAFF_INVITATION);
        assertThat(queued).hasSize(1);
        assertThat(queued.get(0).bodyText()).as("the outbox holds no working link").contains(SecretLinks.PLACE)
                .doesNotContain("/welcome/");
        mvc.perform(get("/admin/people").with(as(manager, Role.MANAGER)))
                .andExpect(content().string(Matchers.containsString("Invited")));

        mailroom.deliver(queued);
        MimeMessage mail = mailroom.receivedBy(username + "@example.org").get(0);
        assertThat(mail.getSubject()).isEqualTo("Le invitamos a Tandem");
        String secret = PeopleMail.secret(mail);

        MockHttpSession browser = new MockHttpSession();
        mvc.perform(get("/welcome/" + secret).session(browser)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Choose your password")));
        String sessionBefore = browser.getId();
        choose(secret, "short-one", "short-one").andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(Matchers.containsString("must be at least 12 characters long")));
        choose(secret, username, username).andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(Matchers.containsString("must not be your username")));
        choose(secret, PASSWORD, PASSWORD + "!").andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(Matchers.containsString("are not the same")));
        mvc.perform(post("/welcome/" + secret).session(browser).with(csrf()).param("newPassword", PASSWORD)
                        .param("repeatPassword", PASSWORD))
                .andExpect(redirectedUrl("/"))
                .andExpect(authenticated().withUsername(username).withRoles("teachers"));
        assertThat(browser.getId()).as("a new session id once signed in").isNotEqualTo(sessionBefore);
        mvc.perform(get("/").session(browser)).andExpect(redirectedUrl("/tasks"));
        mvc.perform(get("/tasks").session(browser)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Su contraseña está guardada y ya inició sesión.")))
                .andExpect(content().string(Matchers.containsString(username)));

        mvc.perform(formLogin("/login").user(username).password(PASSWORD))
                .andExpect(authenticated().withUsername(username).withRoles("teachers"));
        mvc.perform(get("/welcome/" + secret)).andExpect(status().isGone())
                .andExpect(content().string(Matchers.containsString("This link does not work")));
        choose(secret, "another password", "another password").andExpect(status().isGone());
        assertThat(people.search(new Viewer(manager, Set.of(Role.MANAGER.groupId()), Set.of(school.id()),
                        school.districtId()), PeopleQuery.of(username, null, null, null, 1)).rows())
                .filteredOn(person -> person.member().username().equals(username))
                .extracting(Person::status).containsExactly(Person.Status.ACTIVE);
    }

    @Test
    void shouldRefuseExpiredTamperedAndResentOverLinks() throws Exception {
        String username = "late-" + tag;
        mvc.perform(add(manager, Role.MANAGER, username, username + "@example.org", "teachers"))
                .andExpect(redirectedUrl("/admin/people"));
        mailroom.deliver(mailroom.queuedFor(username, MessageKind.STAFF_INVITATION));
        String first = PeopleMail.secret(mailroom.receivedBy(username + "@example.org").get(0));

        mvc.perform(get("/welcome/" + first + "x")).andExpect(status().isGone());
        mvc.perform(get("/welcome/" + first.substring(1))).andExpect(status().isGone());

        mvc.perform(post("/admin/people/" + username + "/invitation").with(as(manager, Role.MANAGER)).with(csrf()))
                .andExpect(redirectedUrl("/admin/people"));
        mvc.perform(get("/welcome/" + first)).andExpect(status().isGone());
        List<OutboxMessage> invitations = mailroom.queuedFor(username, MessageKind.STAFF_INVITATION);
        assertThat(invitations).hasSize(2);
        mailroom.deliver(invitations.get(1));
        String second = PeopleMail.secret(mailroom.receivedBy(username + "@example.org").get(1));
        mvc.perform(get("/welcome/" + second)).andExpect(status().isOk());

        ClockUtil.setCurrentTime(Date.from(clock.now().plus(Duration.ofDays(7)).plusSeconds(60)));
        mvc.perform(get("/welcome/" + second)).andExpect(status().isGone());
        ClockUtil.reset();

        mvc.perform(post("/admin/people/" + username + "/invitation/revoke").with(as(manager, Role.MANAGER))
                .with(csrf())).andExpect(redirectedUrl("/admin/people"));
        mvc.perform(get("/welcome/" + second)).andExpect(status().isGone());
        assertThat(audit(username)).filteredOn(change -> change.field() == ChangedField.INVITATION)
                .extracting(LoggedChange::before, LoggedChange::after, LoggedChange::changedBy, LoggedChange::source)
                .as("sent, sent again, revoked; newest first").containsExactly(
                        org.assertj.core.groups.Tuple.tuple("open", "revoked", manager, ChangeSource.PAGE),
                        org.assertj.core.groups.Tuple.tuple("open", "sent", manager, ChangeSource.PAGE),
                        org.assertj.core.groups.Tuple.tuple(null, "sent", manager, ChangeSource.PAGE));
    }

    @Test
    void shouldRefuseAnAddressAlreadyUsedAndAUsernameTaken() throws Exception {
        mvc.perform(add(manager, Role.MANAGER, "dup-" + tag, coordinator + "@EXAMPLE.org", "teachers"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("is already the address of another account")));
        assertThat(staff.byUsername("dup-" + tag)).isEmpty();

        mvc.perform(add(manager, Role.MANAGER, coordinator, "fresh-" + tag + "@example.org", "teachers"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("is taken")))
                .andExpect(content().string(Matchers.containsString("fresh-" + tag + "@example.org")));
        assertThat(staff.byUsername(coordinator).orElseThrow().email()).isEqualTo(coordinator + "@example.org");
    }

    @Test
    void shouldLetACoordinatorAddTeachersAtTheirSchoolOnly() throws Exception {
        mvc.perform(add(coordinator, Role.COORDINATOR, "boss-" + tag, "boss-" + tag + "@example.org", "managers"))
                .andExpect(content().string(Matchers.containsString("you may not give the group")));
        assertThat(staff.byUsername("boss-" + tag)).isEmpty();

        mvc.perform(get("/admin/people").with(as(coordinator, Role.COORDINATOR)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(coordinator)))
                .andExpect(content().string(Matchers.not(Matchers.containsString(colleagueElsewhere))));
        mvc.perform(post("/admin/people/" + colleagueElsewhere + "/deactivate").with(as(coordinator, Role.COORDINATOR))
                .with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post("/admin/people/" + manager + "/deactivate").with(as(coordinator, Role.COORDINATOR))
                .with(csrf())).andExpect(status().isNotFound());
        mvc.perform(get("/admin/people").with(as(colleagueElsewhere, Role.TEACHER))).andExpect(status().isNotFound());

        mvc.perform(add(coordinator, Role.COORDINATOR, "helper-" + tag, "helper-" + tag + "@example.org", "teachers"))
                .andExpect(redirectedUrl("/admin/people"));
        assertThat(staff.workplaceOf("helper-" + tag).schoolIds()).containsExactly(school.id());
    }

    @Test
    void shouldRefuseADeactivatedPersonAndGiveTheirTasksBackToTheirGroup() throws Exception {
        LocalDate termStart = clock.today().plusDays(28);
        ProgramFixture.Program program = programs.start(termStart, termStart.plusDays(83), "P2W");
        String leaving = person("leaving-" + tag, Role.COORDINATOR, program.school());
        String stays = person("stays-" + tag, Role.COORDINATOR, program.school());
        Task task = tasks.createTaskQuery().processInstanceId(program.processInstanceId())
                .taskCandidateGroup(Role.COORDINATOR.groupId()).list().get(0);
        tasks.claim(task.getId(), leaving);
        mvc.perform(formLogin("/login").user(leaving).password("secret")).andExpect(authenticated());

        mvc.perform(post("/admin/people/" + leaving + "/deactivate").with(as(manager, Role.MANAGER)).with(csrf()))
                .andExpect(redirectedUrl("/admin/people"));

        mvc.perform(formLogin("/login").user(leaving).password("secret")).andExpect(unauthenticated());
        mvc.perform(get("/tasks").with(as(leaving, Role.COORDINATOR)))
                .andExpect(redirectedUrl("/login?signedOut"));
        assertThat(tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isNull();
        assertThat(tasks.createTaskQuery().taskCandidateUser(stays).taskId(task.getId()).count())
                .as("back in the coordinators' queue").isEqualTo(1);
        assertThat(jdbc.sql("select body from task_comment where task_id = ?").param(task.getId())
                .query(String.class).list()).singleElement().asString().contains("was deactivated");
        assertThat(staff.atSchool(program.school().id())).extracting(StaffMember::username)
                .as("no longer a colleague to hand over to").contains(stays).doesNotContain(leaving);
        assertThat(audit(leaving)).filteredOn(change -> change.field() == ChangedField.ACTIVE)
                .extracting(LoggedChange::before, LoggedChange::after, LoggedChange::changedBy)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("true", "false", manager));

        mvc.perform(post("/admin/people/" + leaving + "/reactivate").with(as(manager, Role.MANAGER)).with(csrf()))
                .andExpect(redirectedUrl("/admin/people"));
        mvc.perform(formLogin("/login").user(leaving).password("secret")).andExpect(authenticated());
    }

    @Test
    void shouldFindPeopleByNameUsernameOrEmailAndBySchoolGroupAndStatus() throws Exception {
        String marker = "find" + System.nanoTime();
        String here = person(marker + "-pc", Role.COORDINATOR, school);
        String there = person(marker + "-pt", Role.TEACHER, otherSchool);
        String invited = marker + "-inv";
        mvc.perform(add(manager, Role.MANAGER, invited, invited + "@example.org", "liaisons"))
                .andExpect(redirectedUrl("/admin/people"));
        String leaving = person(marker + "-gone", Role.TEACHER, school);
        mvc.perform(post("/admin/people/" + leaving + "/deactivate").with(as(manager, Role.MANAGER)).with(csrf())
                .param("back", "/admin/people?q=" + marker)).andExpect(redirectedUrl("/admin/people?q=" + marker));

        assertThat(found("q", marker)).containsExactlyInAnyOrder(here, there, invited, leaving);
        assertThat(found("q", "PERSON " + marker.toUpperCase() + "-PC")).as("in the name, whatever the case")
                .containsExactly(here);
        assertThat(found("q", marker + "-pt@example")).as("in the email").containsExactly(there);
        assertThat(found("q", marker, "school", String.valueOf(otherSchool.id()))).containsExactly(there);
        assertThat(found("q", marker, "group", "coordinators")).containsExactly(here);
        assertThat(found("q", marker, "status", "INVITED")).containsExactly(invited);
        assertThat(found("q", marker, "status", "DEACTIVATED")).containsExactly(leaving);
        assertThat(found("q", marker, "status", "ACTIVE")).containsExactlyInAnyOrder(here, there);
        assertThat(found("q", marker + "%")).as("a % is a character like any other").isEmpty();
        Document none = page(get("/admin/people").param("q", "nobody-" + marker).with(as(manager, Role.MANAGER)));
        assertThat(none.select("#people-none").text()).isEqualTo("No one matches this search.");
        mvc.perform(post("/admin/people/" + here + "/deactivate").with(as(manager, Role.MANAGER)).with(csrf())
                .param("back", "https://elsewhere.example/admin/people")).andExpect(redirectedUrl("/admin/people"));
    }

    @Test
    void shouldShowFiftyPeopleAPageWithPageLinksThatKeepTheSearch() throws Exception {
        for (int i = 1; i <= 55; i++) {
            jdbc.sql("insert into staff_member (username, district_id, full_name, email, preferred_language) "
                            + "values (?, ?, ?, ?, 'en')")
                    .params(String.format("many%02d-%s", i, tag), school.districtId(),
                            String.format("Many %02d %s", i, tag), "many" + i + "-" + tag + "+x@example.org")
                    .update();
        }

        Document one = page(get("/admin/people").param("q", tag + "+x@").with(as(manager, Role.MANAGER)));
        assertThat(one.select("#people tbody tr")).hasSize(50);
        assertThat(one.select("#people caption").text()).isEqualTo("55 people");
        assertThat(one.select("nav.pager p").text()).isEqualTo("1 to 50 of 55");
        String next = one.select("nav.pager a[rel=next]").attr("href");
        assertThat(next).isEqualTo("/admin/people?q=" + tag + "%2Bx%40&page=2");
        assertThat(one.select("nav.pager a[rel=prev]")).as("no previous page").isEmpty();

        Document two = page(get(java.net.URI.create(next)).with(as(manager, Role.MANAGER)));
        assertThat(two.select("#people tbody tr")).extracting(row -> row.attr("data-username"))
                .containsExactly("many51-" + tag, "many52-" + tag, "many53-" + tag, "many54-" + tag,
                        "many55-" + tag);
        assertThat(two.select("nav.pager a[rel=prev]").attr("href")).isEqualTo("/admin/people?q=" + tag + "%2Bx%40");
        assertThat(two.select("#q").val()).isEqualTo(tag + "+x@");
    }

    @Test
    void shouldOfferALiaisonGroupForEachLanguageTheDistrictsFamiliesReadAsFarAsTheEditorMayGrant() throws Exception {
        caregiverReading("vi", school.districtId());
        caregiverReading("haw", schools.addDistrict("far-" + tag, "Far District", ZoneId.of("Pacific/Honolulu")).id());

        Document forManager = page(get("/admin/people").with(as(manager, Role.MANAGER)));
        assertThat(forManager.select("#add-form input[name=groups]").eachAttr("value"))
                .contains("managers", "liaisons", "liaisons-es", "liaisons-vi")
                .doesNotContain("camunda-admin", "liaisons-en", "liaisons-haw");
        assertThat(forManager.select("label[for=group-liaisons-vi]").text()).isEqualTo("Family liaisons (Vietnamese)");
        Document forCoordinator = page(get("/admin/people").with(as(coordinator, Role.COORDINATOR)));
        // The shared test district's caregivers read other languages too: those are offered as well.
        assertThat(forCoordinator.select("#add-form input[name=groups]").eachAttr("value"))
                .startsWith("coordinators", "teachers", "liaisons")
                .contains("liaisons-es", "liaisons-vi")
                .doesNotContain("managers", "camunda-admin", "liaisons-en", "liaisons-haw");

        String liaison = "vi-" + tag;
        mvc.perform(add(coordinator, Role.COORDINATOR, liaison, liaison + "@example.org", "liaisons-vi"))
                .andExpect(redirectedUrl("/admin/people"));
        assertThat(staff.account(liaison).orElseThrow().groups()).containsExactly("liaisons-vi");
        assertThat(found("q", liaison, "group", "liaisons-vi")).containsExactly(liaison);
    }

    private void caregiverReading(String language, long districtId) {
        jdbc.sql("insert into caregiver (district_id, caregiver_number, full_name, preferred_language, "
                        + "preferred_channel) values (?, ?, 'A caregiver', ?, 'PHONE_CALL')")
                .params(districtId, "cg-" + language + "-" + tag, language)
                .update();
    }

    private List<String> found(String... params) throws Exception {
        MockHttpServletRequestBuilder request = get("/admin/people").with(as(manager, Role.MANAGER));
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return page(request).select("#people tbody tr").eachAttr("data-username");
    }

    private Document page(MockHttpServletRequestBuilder request) throws Exception {
        return Jsoup.parse(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }

    private MockHttpServletRequestBuilder add(String by, Role role, String username, String email, String group) {
        return post("/admin/people").with(as(by, role)).with(csrf())
                .param("username", username).param("fullName", "Person " + username).param("email", email)
                .param("language", "es").param("groups", group).param("schools", String.valueOf(school.id()));
    }

    private org.springframework.test.web.servlet.ResultActions choose(String secret, String password, String again)
            throws Exception {
        return mvc.perform(post("/welcome/" + secret).with(csrf()).param("newPassword", password)
                .param("repeatPassword", again));
    }

    private List<LoggedChange> audit(String username) {
        return changes.newest(school.districtId(), SubjectKind.STAFF, 0, 500).stream()
                .filter(change -> change.subjectKey().equals(username)).toList();
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor as(String username, Role role) {
        return user(username).authorities(new SimpleGrantedAuthority("ROLE_" + role.groupId()));
    }

    private String person(String username, Role role, School at) {
        staff.add(new StaffMember(username, at.districtId(), "Person " + username, username + "@example.org", "en"),
                "secret", Set.of(role), List.of(at.id()));
        return username;
    }
}
