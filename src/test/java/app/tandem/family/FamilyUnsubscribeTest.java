package app.tandem.family;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.UserRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;

import app.tandem.TandemTest;
import app.tandem.directory.ChangeLog;
import app.tandem.directory.ChangeSource;
import app.tandem.directory.ChangedField;
import app.tandem.directory.LoggedChange;
import app.tandem.directory.SubjectKind;
import app.tandem.directory.StaffDirectory;
import app.tandem.directory.StaffMember;
import app.tandem.notify.EmbeddedMailServer;
import app.tandem.notify.MailOptOuts;
import app.tandem.notify.Mailroom;
import app.tandem.notify.Outbox;
import app.tandem.notify.OutboxMessage;
import app.tandem.notify.OutboxStatus;
import app.tandem.program.ProgramFixture;
import app.tandem.program.ProgramFixture.Program;

import jakarta.mail.internet.MimeMessage;

/** A family says no to email: by their mail program's button or the link in the mail, and nothing more goes out. */
@TandemTest
class FamilyUnsubscribeTest {

    private static final LocalDate TODAY = LocalDate.of(2027, 3, 1);
    private static final Pattern HTTPS = Pattern.compile("<(https?://[^>]+/unsubscribe/[^>]+)>");
    private static final Pattern LINK_IN_TEXT = Pattern.compile("(https?://\\S+/unsubscribe/[a-z0-9-]+)");

    @Autowired
    MockMvc mvc;
    @Autowired
    ProcessEngine engine;
    @Autowired
    ProgramFixture programs;
    @Autowired
    FamilyFixture families;
    @Autowired
    FamilyMail familyMail;
    @Autowired
    Families directory;
    @Autowired
    FamilyMessages messages;
    @Autowired
    Outbox outbox;
    @Autowired
    Mailroom mailroom;
    @Autowired
    MailOptOuts optOuts;
    @Autowired
    EmbeddedMailServer mailServer;
    @Autowired
    StaffDirectory staff;
    @Autowired
    ChangeLog changes;

    private Program program;

    @BeforeEach
    void setUp() {
        init(engine);
        programs.today(TODAY);
        program = programs.start(TODAY.minusDays(30), TODAY.plusDays(60), "P2W");
        mailServer.clear();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void shouldStopAllMailAfterTheOneClickButtonAndWithholdTheMailAlreadyQueued() throws Exception {
        Student student = families.student(program.school(), "Ana Silva");
        Caregiver mother = families.caregiver(student, "Maria Silva", "maria.unsubscribes@example.org", "312 555 0100", "en",
                Channel.EMAIL);
        MimeMessage first = familyMail.mailed(program, student, mother, 1);
        String listUnsubscribe = FamilyMail.header(first, "List-Unsubscribe");
        assertThat(listUnsubscribe).contains("<mailto:replies+", "?subject=unsubscribe>", "/unsubscribe/");
        assertThat(FamilyMail.header(first, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
        familyMail.draft(program, student, 2);
        OutboxMessage queued = familyMail.queued(program, mother, 2);

        mvc.perform(post(path(httpsLink(listUnsubscribe))).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .content("List-Unsubscribe=One-Click"))
                .andExpect(status().isOk());

        mailroom.deliver(queued);
        assertThat(mailroom.receivedBy("maria.unsubscribes@example.org")).as("only the first update").hasSize(1);
        assertThat(outbox.find(queued.id()).orElseThrow().status()).isEqualTo(OutboxStatus.WITHHELD);
        assertThat(directory.caregiver(mother.id()).orElseThrow().preferredChannel()).isEqualTo(Channel.PHONE_CALL);
        ProcessInstance third = familyMail.draft(program, student, 3);
        assertThat(third).isWaitingAt(CaregiverProcesses.CALL_CAREGIVER);
        assertThat(outbox.search(null, null, "maria.unsubscribes@example.org", false, 10)).hasSize(2);

        String coordinator = staffMember("coordinators");
        String page = mvc.perform(get("/family/opt-outs").with(as(coordinator, "coordinators")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Maria Silva", "The unsubscribe button of their mail program");
    }

    @Test
    void shouldCallTheCaregiverInsteadWhenTheirQueuedEmailIsWithheld() throws Exception {
        Student student = families.student(program.school(), "Dee Lowe");
        Caregiver father = families.caregiver(student, "Tom Lowe", "tom.withheld@example.org", "312 555 0101", "en",
                Channel.EMAIL);
        String listUnsubscribe = FamilyMail.header(familyMail.mailed(program, student, father, 1), "List-Unsubscribe");
        familyMail.draft(program, student, 2);
        OutboxMessage queued = familyMail.queued(program, father, 2);
        mvc.perform(post(path(httpsLink(listUnsubscribe))).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content("List-Unsubscribe=One-Click")).andExpect(status().isOk());

        mailroom.deliver(queued);

        FamilyMessage second = familyMail.messageOf(program, father, 2);
        assertThat(second.status()).as("not dropped: on its way by phone").isEqualTo(FamilyMessageStatus.PLANNED);
        ProcessInstance instead = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey("reach-" + second.id()).singleResult();
        assertThat(instead).isWaitingAt(CaregiverProcesses.CALL_CAREGIVER);
        String liaison = staffMember("liaisons");
        String taskId = engine.getTaskService().createTaskQuery().processInstanceId(instead.getId()).singleResult()
                .getId();
        String list = mvc.perform(get("/tasks").param("view", "group").with(as(liaison, "liaisons")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(list).contains("/tasks/" + taskId, "Call the caregiver");
        String script = mvc.perform(get("/family/messages/" + second.id()).with(as(liaison, "liaisons")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(script).contains("Dee Lowe");

        mvc.perform(post("/tasks/" + taskId).with(csrf()).with(as(liaison, "liaisons"))
                        .param("calledOn", TODAY.toString()).param("callOutcome", "reached")
                        .param("inTheirLanguage", "true"))
                .andExpect(status().is3xxRedirection());

        assertThat(instead).isEnded().hasPassed(CaregiverProcesses.CALL_MADE);
        assertThat(messages.find(second.id()).orElseThrow())
                .extracting(FamilyMessage::status, FamilyMessage::channel)
                .containsExactly(FamilyMessageStatus.DELIVERED, Channel.PHONE_CALL);
        assertThat(mailroom.receivedBy("tom.withheld@example.org")).as("only the first update").hasSize(1);
    }

    @Test
    void shouldSendNoEmailToAnAddressThatUnsubscribedEvenWhenARosterSetsEmailBack() throws Exception {
        Student student = families.student(program.school(), "Eve Nash");
        Caregiver mother = families.caregiver(student, "Ida Nash", "ida.roster@example.org", null, "en", Channel.EMAIL);
        String link = linkInText(CaregiverUpdateProcessTest.body(familyMail.mailed(program, student, mother, 1)));
        mvc.perform(post(path(link))).andExpect(status().isOk());
        directory.changeContact(mother.id(), mother.email(), null, Channel.EMAIL);

        ProcessInstance second = familyMail.draft(program, student, 2);

        assertThat(second).isWaitingAt(CaregiverProcesses.SEND_NOTE_HOME);
        assertThat(outbox.search(null, null, "ida.roster@example.org", false, 10)).hasSize(1);
    }

    @Test
    void shouldUnsubscribeByTheLinkInTheMailOnlyOnceTheFamilyConfirmsUntilALiaisonRecordsANewConsent()
            throws Exception {
        Student student = families.student(program.school(), "Ben Ode");
        Caregiver mother = families.caregiver(student, "Ada Ode", "ada.unsubscribes@example.org", null, "es", Channel.EMAIL);
        String link = linkInText(CaregiverUpdateProcessTest.body(familyMail.mailed(program, student, mother, 1)));

        String confirm = mvc.perform(get(path(link))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(confirm).contains("Stop email from the tutoring program?");
        assertThat(optOuts.current("ada.unsubscribes@example.org")).as("opening the link changes nothing").isEmpty();
        String done = mvc.perform(post(path(link))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(done).contains("You are unsubscribed");
        assertThat(optOuts.current("ada.unsubscribes@example.org")).isPresent();
        assertThat(directory.caregiver(mother.id()).orElseThrow().preferredChannel())
                .as("no phone number: a note home").isEqualTo(Channel.PAPER_NOTE);

        String liaison = staffMember("liaisons");
        String refused = mvc.perform(post("/family/opt-outs/" + mother.id() + "/consent").with(csrf())
                        .with(as(liaison, "liaisons")).param("note", "  "))
                .andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("How and when they gave it: say how the family gave its consent");
        assertThat(optOuts.current("ada.unsubscribes@example.org")).isPresent();
        mvc.perform(post("/family/opt-outs/" + mother.id() + "/consent").with(csrf())
                        .with(as(staffMember("teachers"), "teachers")).param("note", "Called on March 3"))
                .andExpect(status().isNotFound());

        String family = mvc.perform(get("/family/students/" + student.id()).with(as(liaison, "liaisons")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(family).contains("Ada Ode unsubscribed from email on Mar 1, 2027, 10:00 AM",
                "(The link in the email). The school reaches them by: Paper note home", "Record the consent");
        mvc.perform(post("/family/opt-outs/" + mother.id() + "/consent").with(csrf()).with(as(liaison, "liaisons"))
                        .param("note", "Called on March 3, she wants email again")
                        .param("student", String.valueOf(student.id())))
                .andExpect(redirectedUrl("/family/students/" + student.id()));
        assertThat(mvc.perform(get("/family/students/" + student.id()).with(as(liaison, "liaisons")))
                .andReturn().getResponse().getContentAsString()).doesNotContain("Ada Ode unsubscribed");

        assertThat(optOuts.current("ada.unsubscribes@example.org")).isEmpty();
        assertThat(directory.caregiver(mother.id()).orElseThrow().preferredChannel()).isEqualTo(Channel.EMAIL);
        assertThat(changes.newest(program.school().districtId(), SubjectKind.CAREGIVER, 0, 50))
                .filteredOn(c -> c.subjectKey().equals(mother.caregiverNumber()))
                .extracting(LoggedChange::field, LoggedChange::before, LoggedChange::after, LoggedChange::changedBy)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ChangedField.EMAIL_CONSENT, "UNSUBSCRIBED LINK",
                        "CONSENTED", liaison));
        familyMail.mailed(program, student, mother, 2);
        assertThat(mailroom.receivedBy("ada.unsubscribes@example.org")).hasSize(2);
    }

    @Test
    void shouldChangeNothingForATamperedLinkAndSaySo() throws Exception {
        Student student = families.student(program.school(), "Cy Park");
        Caregiver father = families.caregiver(student, "Jin Park", "jin.tampered@example.org", null, "en", Channel.EMAIL);
        String link = path(linkInText(CaregiverUpdateProcessTest.body(familyMail.mailed(program, student, father, 1))));
        String otherSignature = link.substring(0, link.length() - 1) + (link.endsWith("a") ? "b" : "a");
        String otherMessage = link.replaceFirst("/unsubscribe/(\\d+)-", "/unsubscribe/9$1-");

        for (String tampered : List.of(otherSignature, otherMessage, "/unsubscribe/not-a-token")) {
            String page = mvc.perform(get(tampered)).andExpect(status().isBadRequest()).andReturn().getResponse()
                    .getContentAsString();
            assertThat(page).contains("This link is not valid", "nothing was changed");
            mvc.perform(post(tampered).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .content("List-Unsubscribe=One-Click")).andExpect(status().isBadRequest());
        }

        assertThat(optOuts.current("jin.tampered@example.org")).isEmpty();
        assertThat(directory.caregiver(father.id()).orElseThrow().preferredChannel()).isEqualTo(Channel.EMAIL);
    }

    private String staffMember(String group) {
        String username = group + "-" + System.nanoTime();
        staff.addToGroups(new StaffMember(username, program.school().districtId(), "Kim Reyes",
                username + "@example.org", "en"), "secret", List.of(group), List.of(program.school().id()), "test",
                ChangeSource.SETUP);
        return username;
    }

    private static String httpsLink(String header) {
        Matcher matcher = HTTPS.matcher(header);
        assertThat(matcher.find()).as(header).isTrue();
        return matcher.group(1);
    }

    private static String linkInText(String body) {
        Matcher matcher = LINK_IN_TEXT.matcher(body);
        assertThat(matcher.find()).as("the mail's unsubscribe link").isTrue();
        return matcher.group(1);
    }

    private static String path(String url) {
        return URI.create(url).getPath();
    }

    private static UserRequestPostProcessor as(String username, String group) {
        return user(username).authorities(new SimpleGrantedAuthority("ROLE_" + group));
    }
}
