package app.tandem.family.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;

import app.tandem.TandemTest;
import app.tandem.directory.ChangeLog;
import app.tandem.directory.ChangedField;
import app.tandem.directory.LoggedChange;
import app.tandem.directory.Role;
import app.tandem.directory.School;
import app.tandem.directory.StaffDirectory;
import app.tandem.directory.StaffEditor;
import app.tandem.directory.StaffMember;
import app.tandem.program.ProgramFixture;

/** Who may grant what through the roster: the probe's escalations, refused; what each role may do, done. */
@TandemTest
class RosterGrantsTest {

    @Autowired
    RosterImporter importer;
    @Autowired
    ProgramFixture programs;
    @Autowired
    StaffDirectory staff;
    @Autowired
    ChangeLog changes;
    @Autowired
    IdentityService identity;
    @Autowired
    MockMvc mvc;

    private School school;
    private School otherSchool;
    private String tag;
    private String coordinator;
    private String manager;
    private String operator;

    @BeforeEach
    void setUp() {
        school = programs.newSchool();
        otherSchool = programs.newSchool();
        tag = school.code();
        coordinator = "gc-" + tag;
        manager = "gm-" + tag;
        operator = "go-" + tag;
        person(coordinator, Set.of(Role.COORDINATOR), List.of(school.id()));
        person(manager, Set.of(Role.MANAGER), List.of(school.id(), otherSchool.id()));
        person(operator, Set.of(Role.OPERATOR), List.of());
    }

    @Test
    void shouldRefuseACoordinatorWhoGrantsThemselvesTheManagersGroupThroughTheUploadPage() throws Exception {
        String row = staffRow(coordinator, school.code(), "Changed Name", coordinator + "@example.org",
                "coordinators;managers");

        String location = mvc.perform(multipart("/family/import")
                        .file(new MockMultipartFile("file", "roster.csv", "text/csv", csv(row)))
                        .with(as(coordinator, "coordinators")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();

        String page = finished(location + "/status", coordinator, "coordinators");
        assertThat(page).contains("Nothing was imported", "<td>2</td>", "roles",
                "you may not grant &#39;managers&#39;");
        assertThat(groupsOf(coordinator)).containsExactly("coordinators");
        assertThat(staff.byUsername(coordinator).orElseThrow().fullName()).as("nothing of the file imported")
                .isEqualTo("Person " + coordinator);
    }

    @Test
    void shouldRefuseACoordinatorWhoChangesAManagersEmailOrAnOperatorsName() throws Exception {
        RosterImporter.Result result = run(coordinatorScope(),
                staffRow(manager, school.code(), "Person " + manager, "attacker@example.org", "teachers"),
                staffRow(operator, school.code(), "Someone Else", operator + "@example.org", "teachers"));

        assertThat(result.errors()).extracting(RosterError::row, RosterError::column).containsExactlyInAnyOrder(
                tuple(2, "id"), tuple(3, "id"));
        assertThat(result.errors()).extracting(RosterError::reason).contains(
                "'" + operator + "' has a role or a school beyond yours (a manager, an operator or staff of another "
                        + "school): ask a program manager to change this account.");
        assertThat(staff.byUsername(manager).orElseThrow().email()).isEqualTo(manager + "@example.org");
        assertThat(staff.byUsername(operator).orElseThrow().fullName()).isEqualTo("Person " + operator);
    }

    @Test
    void shouldRefuseACoordinatorWhoChangesAColleagueAtAnotherSchool() throws Exception {
        String colleague = "gt-" + tag;
        person(colleague, Set.of(Role.TEACHER), List.of(school.id(), otherSchool.id()));

        RosterImporter.Result result = run(coordinatorScope(),
                staffRow(colleague, school.code(), "Person " + colleague, "new@example.org", "teachers"));

        assertThat(result.errors()).extracting(RosterError::row, RosterError::column).containsExactly(tuple(2, "id"));
        assertThat(staff.byUsername(colleague).orElseThrow().email()).isEqualTo(colleague + "@example.org");
    }

    @Test
    void shouldLetACoordinatorAddATeacherAtTheirSchoolAndPassUnchangedRowsOfOthers() throws Exception {
        String newTeacher = "gn-" + tag;
        RosterImporter.Result result = run(coordinatorScope(),
                staffRow(newTeacher, school.code(), "Nia Teacher", "nia@example.org", "teachers;liaisons-es"),
                staffRow(manager, school.code() + ";" + otherSchool.code(), "Person " + manager,
                        manager + "@example.org", "managers"));

        assertThat(result.errors()).isEmpty();
        assertThat(result.summary().byRecord().get("staff")).isEqualTo(new RosterSummary.Counts(1, 0, 1));
        assertThat(groupsOf(newTeacher)).containsExactlyInAnyOrder("teachers", "liaisons-es");
    }

    @Test
    void shouldRefuseAManagerWhoMakesSomeoneAnOperatorAndLetAnOperatorDoIt() throws Exception {
        String teacher = "gt-" + tag;
        person(teacher, Set.of(Role.TEACHER), List.of(school.id()));
        String row = staffRow(teacher, school.code(), "Person " + teacher, teacher + "@example.org",
                "teachers;camunda-admin");

        RosterImporter.Result byManager = run(managerScope(), row);
        assertThat(byManager.errors()).extracting(RosterError::row, RosterError::column, RosterError::reason)
                .containsExactly(tuple(2, "roles", "you may not grant 'camunda-admin': coordinators grant coordinators, "
                        + "teachers and liaisons; only operators grant camunda-admin."));
        assertThat(groupsOf(teacher)).containsExactly("teachers");

        RosterImporter.Result byOperator = run(operatorScope(), row);
        assertThat(byOperator.errors()).isEmpty();
        assertThat(groupsOf(teacher)).containsExactlyInAnyOrder("teachers", "camunda-admin");
    }

    @Test
    void shouldRefuseAManagerWhoChangesAnOperator() throws Exception {
        RosterImporter.Result result = run(managerScope(),
                staffRow(operator, school.code(), "Person " + operator, "new@example.org", "managers"));

        assertThat(result.errors()).extracting(RosterError::row, RosterError::column).containsExactly(tuple(2, "id"));
    }

    @Test
    void shouldLogEveryChangeOfGroupsSchoolsAndEmailWithWhoAndBefore() throws Exception {
        String teacher = "gt-" + tag;
        person(teacher, Set.of(Role.TEACHER), List.of(school.id()));

        run(managerScope(), staffRow(teacher, school.code() + ";" + otherSchool.code(), "Person " + teacher,
                "moved@example.org", "teachers;coordinators"));

        List<LoggedChange> logged = changes.newest(school.districtId(), null, 0, 500).stream()
                .filter(change -> change.subjectKey().equals(teacher) && change.changedBy().equals(manager)).toList();
        assertThat(logged).extracting(LoggedChange::field, LoggedChange::before, LoggedChange::after)
                .containsExactlyInAnyOrder(
                        tuple(ChangedField.EMAIL, teacher + "@example.org", "moved@example.org"),
                        tuple(ChangedField.GROUPS, "teachers", "coordinators; teachers"),
                        tuple(ChangedField.SCHOOLS, school.code(), otherSchool.code().compareTo(school.code()) < 0
                                ? otherSchool.code() + "; " + school.code() : school.code() + "; " + otherSchool.code()));
    }

    @Test
    void shouldShowTheLogToManagersAndOperatorsOnlyAndExportIt() throws Exception {
        String teacher = "gt-" + tag;
        person(teacher, Set.of(Role.TEACHER), List.of(school.id()));
        run(managerScope(), staffRow(teacher, school.code(), "Person " + teacher, "-1+1@example.org",
                "teachers"));

        mvc.perform(get("/admin/changes").param("kind", "STAFF").with(as(manager, "managers")))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString(teacher)));
        String csv = mvc.perform(get("/admin/changes.csv").with(as(operator, "camunda-admin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).contains("Staff," + teacher, "'-1+1@example.org", "Roster import", manager);
        mvc.perform(get("/admin/changes").with(as(coordinator, "coordinators"))).andExpect(status().isNotFound());
        mvc.perform(get("/admin/changes.csv").with(as(coordinator, "coordinators")))
                .andExpect(status().isNotFound());
    }

    private void person(String username, Set<Role> roles, List<Long> schools) {
        staff.add(new StaffMember(username, school.districtId(), "Person " + username, username + "@example.org", "en"),
                "secret", roles, schools);
    }

    private RosterScope coordinatorScope() {
        return new RosterScope(new StaffEditor(coordinator, school.districtId(), Set.of("coordinators"),
                Set.of(school.id())), Locale.ENGLISH);
    }

    private RosterScope managerScope() {
        return new RosterScope(new StaffEditor(manager, school.districtId(), Set.of("managers"), Set.of()),
                Locale.ENGLISH);
    }

    private RosterScope operatorScope() {
        return new RosterScope(new StaffEditor(operator, school.districtId(), Set.of("camunda-admin"), Set.of()),
                Locale.ENGLISH);
    }

    private RosterImporter.Result run(RosterScope scope, String... rows) throws Exception {
        return importer.importRoster(new StringReader(new String(csv(rows), StandardCharsets.UTF_8)), scope,
                (phase, done, total) -> { });
    }

    private static String staffRow(String username, String schools, String name, String email, String roles) {
        return "staff," + schools + "," + username + "," + name + "," + email + ",,en," + roles + ",,,,,,,,,,";
    }

    private static byte[] csv(String... rows) {
        return (RosterFiles.HEADER + "\n" + String.join("\n", rows) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private List<String> groupsOf(String username) {
        return identity.createGroupQuery().groupMember(username).list().stream().map(Group::getId).toList();
    }

    private String finished(String statusUrl, String username, String group) throws Exception {
        String page = "";
        for (int poll = 0; poll < 200; poll++) {
            page = mvc.perform(get(statusUrl).with(as(username, group))).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            if (!page.contains("hx-get")) {
                return page;
            }
            Thread.sleep(100);
        }
        return page;
    }

    private static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
            .UserRequestPostProcessor as(String username, String group) {
        return user(username).authorities(new SimpleGrantedAuthority("ROLE_" + group));
    }
}
