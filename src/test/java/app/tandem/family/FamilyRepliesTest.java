package app.tandem.family;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.UserRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;

import app.tandem.TandemTest;
import app.tandem.directory.ChangeSource;
import app.tandem.directory.District;
import app.tandem.directory.Schools;
import app.tandem.directory.StaffDirectory;
import app.tandem.directory.StaffMember;
import app.tandem.notify.EmbeddedMailServer;
import app.tandem.notify.Mailroom;
import app.tandem.notify.MessageKind;
import app.tandem.notify.Outbox;
import app.tandem.notify.OutboxMessage;
import app.tandem.notify.RepliesMailbox;
import app.tandem.program.ProgramFixture;
import app.tandem.program.ProgramFixture.Program;
import app.tandem.system.ProcessVariables;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/** Families answer Tandem's mail: the reply is read from the replies mailbox and a liaison answers it. */
@TandemTest
class FamilyRepliesTest {

    private static final LocalDate TODAY = LocalDate.of(2027, 3, 1);

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
    FamilyReplies replies;
    @Autowired
    DisclosureLog disclosures;
    @Autowired
    Outbox outbox;
    @Autowired
    Mailroom mailroom;
    @Autowired
    EmbeddedMailServer mailServer;
    @Autowired
    RepliesMailbox mailbox;
    @Autowired
    StaffDirectory staff;
    @Autowired
    Schools schools;

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
    void shouldGiveAFamilysReplyToALiaisonWhoSpeaksTheirLanguageAndMailTheAnswer() throws Exception {
        String liaison = liaison(program, "Rosa Diaz", "liaisons", "liaisons-es");
        Student student = families.student(program.school(), "Luis Ortega");
        Caregiver father = families.caregiver(student, "Jorge Ortega", "jorge.replies@example.org", null, "es", Channel.EMAIL);
        MimeMessage update = familyMail.mailed(program, student, father, 1);
        String replyTo = ((InternetAddress) update.getReplyTo()[0]).getAddress();
        assertThat(replyTo).startsWith("replies+").endsWith("@tandem.localhost");

        send("jorge.replies@example.org", replyTo, "Re: " + update.getSubject(), "¿Puede Luis quedarse después de clase?");

        assertThat(readMailbox()).isEqualTo(1);
        ProcessInstance reply = answerProcessOf("jorge.replies@example.org");
        assertThat(reply).isWaitingAt(AnswerFamily.ANSWER_FAMILY);
        Task task = task(AnswerFamily.ANSWER_FAMILY, reply);
        assertThat(task).hasCandidateGroup("liaisons-es");
        assertThat(reply).variables().containsOnlyKeys(AnswerFamily.Var.REPLY_ID, AnswerFamily.Var.SENDER_KNOWN,
                ProcessVariables.SCHOOL_ID);
        assertThat(mailbox.read()).as("a mail is handled once").isZero();

        String page = mvc.perform(get("/tasks/" + task.getId()).with(as(liaison, "liaisons", "liaisons-es")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("¿Puede Luis quedarse después de clase?", "From Jorge Ortega", "Our message",
                "Informe de progreso de Luis Ortega");

        mvc.perform(post("/tasks/" + task.getId()).with(csrf()).with(as(liaison, "liaisons", "liaisons-es"))
                        .param("familyAnswer", "Sí, los martes hasta las 4."))
                .andExpect(status().is3xxRedirection());

        assertThat(reply).isEnded().hasPassed(AnswerFamily.SEND_ANSWER, AnswerFamily.FAMILY_ANSWERED);
        OutboxMessage answer = outbox.search(null, MessageKind.FAMILY_ANSWER, "jorge.replies@example.org", false, 5).get(0);
        mailroom.deliver(answer);
        MimeMessage mailed = mailroom.receivedBy("jorge.replies@example.org").stream()
                .filter(m -> subject(m).startsWith("Re:")).findFirst().orElseThrow();
        assertThat(subject(mailed)).isEqualTo("Re: Informe de progreso de Luis Ortega");
        assertThat(CaregiverUpdateProcessTest.body(mailed)).contains("Sí, los martes hasta las 4.",
                "¿Puede Luis quedarse después de clase?", "/unsubscribe/");
        assertThat(disclosures.ofStudent(student.id()))
                .extracting(Disclosure::kind, Disclosure::caregiverName, Disclosure::recordedBy)
                .contains(org.assertj.core.groups.Tuple.tuple(FamilyMessageKind.ANSWER, "Jorge Ortega", liaison));
    }

    @Test
    void shouldOfferTheSchoolsLiaisonsAReplyWhenNoOneSpeaksTheLanguage() throws Exception {
        liaison(program, "Ana Lee", "liaisons");
        Student student = families.student(program.school(), "Minh Tran");
        Caregiver mother = families.caregiver(student, "Lan Tran", "lan.replies@example.org", null, "vi", Channel.EMAIL);

        send("lan.replies@example.org", "replies@tandem.localhost", "Câu hỏi", "Xin chào");

        assertThat(readMailbox()).isEqualTo(1);
        ProcessInstance reply = answerProcessOf("lan.replies@example.org");
        assertThat(task(AnswerFamily.ANSWER_FAMILY, reply)).as("placed by the caregiver's address on record")
                .hasCandidateGroup("liaisons");
        assertThat(replies.ofProcess(reply.getId()).orElseThrow())
                .extracting(FamilyReply::caregiverId, FamilyReply::studentId, FamilyReply::language)
                .containsExactly(mother.id(), student.id(), "vi");
    }

    @Test
    void shouldQueueAMailFromAnUnknownAddressToAFamilysReplyAddressForTheSchoolsLiaisons() throws Exception {
        String liaison = liaison(program, "Ana Lee", "liaisons");
        Student student = families.student(program.school(), "Rui Costa");
        Caregiver mother = families.caregiver(student, "Lia Costa", "lia.replies@example.org", null, "en", Channel.EMAIL);
        MimeMessage update = familyMail.mailed(program, student, mother, 1);
        String replyTo = ((InternetAddress) update.getReplyTo()[0]).getAddress();

        send("forwarded.to@example.net", replyTo, "Fwd: " + update.getSubject(), "Is this about my nephew?");

        assertThat(readMailbox()).isEqualTo(1);
        ProcessInstance reply = answerProcessOf("forwarded.to@example.net");
        assertThat(reply).as("no answer about the student to a stranger").isWaitingAt(AnswerFamily.SORT_OUT_REPLY)
                .variables().containsEntry(ProcessVariables.SCHOOL_ID, program.school().id());
        assertThat(replies.ofProcess(reply.getId()).orElseThrow())
                .extracting(FamilyReply::caregiverId, FamilyReply::studentId).containsExactly(null, null);
        Task task = task(AnswerFamily.SORT_OUT_REPLY, reply);
        String queue = mvc.perform(get("/tasks").param("view", "group").with(as(liaison, "liaisons")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(queue).contains("/tasks/" + task.getId());
        String page = mvc.perform(get("/tasks/" + task.getId()).with(as(liaison, "liaisons")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Is this about my nephew?", "forwarded.to@example.net");
    }

    @Test
    void shouldQueueAMailFromAnUnknownSenderForTheDistrictsLiaisons() throws Exception {
        District district = schools.districts().stream().min(java.util.Comparator.comparingLong(District::id))
                .orElseThrow();
        String liaison = "district-liaison-" + System.nanoTime();
        staff.addToGroups(new StaffMember(liaison, district.id(), "Sam Okafor", liaison + "@example.org", "en"),
                "secret", List.of("liaisons"), List.of(), "test", ChangeSource.SETUP);

        send("stranger@example.net", "replies@tandem.localhost", "Hello", "Who do I talk to about tutoring?");

        assertThat(readMailbox()).isEqualTo(1);
        ProcessInstance reply = answerProcessOf("stranger@example.net");
        assertThat(reply).isWaitingAt(AnswerFamily.SORT_OUT_REPLY).variables()
                .containsEntry(ProcessVariables.DISTRICT_ID, district.id())
                .doesNotContainKey(ProcessVariables.SCHOOL_ID);
        Task task = task(AnswerFamily.SORT_OUT_REPLY, reply);
        String queue = mvc.perform(get("/tasks").param("view", "group").with(as(liaison, "liaisons")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(queue).contains("/tasks/" + task.getId());
        String page = mvc.perform(get("/tasks/" + task.getId()).with(as(liaison, "liaisons")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Who do I talk to about tutoring?", "stranger@example.net");

        mvc.perform(post("/tasks/" + task.getId()).with(csrf()).with(as(liaison, "liaisons"))
                        .param("replyNote", "A parent at School 3: added her address."))
                .andExpect(status().is3xxRedirection());
        assertThat(reply).isEnded().hasPassed(AnswerFamily.REPLY_SORTED_OUT);
    }

    private String liaison(Program program, String name, String... groups) {
        String username = "liaison-" + System.nanoTime();
        staff.addToGroups(new StaffMember(username, program.school().districtId(), name, username + "@example.org",
                "en"), "secret", List.of(groups), List.of(program.school().id()), "test", ChangeSource.SETUP);
        return username;
    }

    /** A family's mail program sends to the embedded server over SMTP. */
    private void send(String from, String to, String subject, String text) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", String.valueOf(mailServer.port()));
        properties.put("mail.smtp.connectiontimeout", "30000");
        properties.put("mail.smtp.timeout", "30000");
        MimeMessage mail = new MimeMessage(Session.getInstance(properties));
        mail.setFrom(new InternetAddress(from));
        mail.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        mail.setSubject(subject, "UTF-8");
        mail.setText(text, "UTF-8");
        Transport.send(mail);
    }

    /** Reads the mailbox over IMAP until the mail sent is there: a busy machine may take a moment to store it. */
    private int readMailbox() throws Exception {
        long until = System.currentTimeMillis() + 30_000;
        int handled = mailbox.read();
        while (handled == 0 && System.currentTimeMillis() < until) {
            Thread.sleep(200);
            handled = mailbox.read();
        }
        return handled;
    }

    private ProcessInstance answerProcessOf(String fromAddress) {
        return engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(AnswerFamily.PROCESS_KEY).active().list().stream()
                .filter(pi -> replies.ofProcess(pi.getId()).map(r -> fromAddress.equals(r.fromAddress())).orElse(false))
                .findFirst().orElseThrow();
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static UserRequestPostProcessor as(String username, String... groups) {
        return user(username).authorities(java.util.Arrays.stream(groups)
                .map(group -> new SimpleGrantedAuthority("ROLE_" + group)).toList());
    }
}
