package app.tandem.family;

import static app.tandem.family.CaregiverProcesses.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import app.tandem.TandemTest;
import app.tandem.notify.DeliverMessage;
import app.tandem.notify.EmbeddedMailServer;
import app.tandem.notify.Mailroom;
import app.tandem.notify.Outbox;
import app.tandem.notify.OutboxMessage;
import app.tandem.notify.ScriptedSmtpServer;
import app.tandem.program.ProgramFixture;
import app.tandem.program.ProgramFixture.Program;
import app.tandem.directory.Role;
import app.tandem.directory.StaffDirectory;
import app.tandem.directory.StaffMember;
import app.tandem.notify.Deadlines;
import app.tandem.notify.MessageKind;
import app.tandem.notify.OutboxMessage;
import org.camunda.bpm.engine.runtime.Job;
import java.util.List;
import java.util.Set;

import jakarta.mail.internet.MimeMessage;

@TandemTest
class CaregiverUpdateProcessTest {

    private static final LocalDate TODAY = LocalDate.of(2027, 3, 1);

    @Autowired
    ProcessEngine engine;
    @Autowired
    ProgramFixture programs;
    @Autowired
    FamilyFixture families;
    @Autowired
    FamilyMessages messages;
    @Autowired
    DisclosureLog disclosures;
    @Autowired
    Families directory;
    @Autowired
    Outbox outbox;
    @Autowired
    Mailroom mailroom;
    @Autowired
    EmbeddedMailServer mailServer;
    @Autowired
    TaskService tasks;

    @Autowired
    StaffDirectory staff;
    @Autowired
    MockMvc mvc;

    private Program program;

    /** A staff member at the program's school (managers: of its district), in one more group if given. */
    private String staffAt(Program program, String prefix, Role role, String extraGroup) {
        String username = prefix + program.school().code();
        staff.add(new StaffMember(username, program.school().districtId(), "Staff " + username,
                username + "@example.org", "en"), "secret", Set.of(role),
                role == Role.MANAGER ? List.of() : List.of(program.school().id()));
        if (extraGroup != null) {
            if (engine.getIdentityService().createGroupQuery().groupId(extraGroup).count() == 0) {
                engine.getIdentityService().saveGroup(engine.getIdentityService().newGroup(extraGroup));
            }
            engine.getIdentityService().createMembership(username, extraGroup);
        }
        return username;
    }

    @BeforeEach
    void setUp() {
        init(engine);
        programs.today(TODAY);
        program = programs.start(TODAY.minusDays(30), TODAY.plusDays(60), "P2W");
        mailServer.clear();
    }

    @AfterEach
    void resetClock() {
        mailServer.start();
        ClockUtil.reset();
    }

    @Test
    void shouldEmailAnEnglishUpdateAndLogTheDisclosure() throws Exception {
        Student student = families.student(program.school(), "Ana Silva");
        Caregiver mother = families.caregiver(student, "Maria Silva", "maria.silva@example.org", null, "en",
                Channel.EMAIL);
        ProcessInstance pi = families.startUpdate(program, student, 1);

        assertThat(pi).isWaitingAt(DRAFT_UPDATE);
        assertThat(task()).hasCandidateGroup("coordinators");
        draft(pi, "below", false);

        assertThat(pi).isEnded().hasPassed(SEND_EMAIL, EMAIL_QUEUED, UPDATE_SHARED).hasNotPassed(TRANSLATE_UPDATE);
        FamilyMessage message = onlyMessageTo(mother);
        assertThat(message.status()).isEqualTo(FamilyMessageStatus.QUEUED);
        assertThat(disclosures.ofStudent(student.id())).as("logged once the message is out").isEmpty();

        deliver(message);

        MimeMessage mail = mailroom.receivedBy("maria.silva@example.org").get(0);
        assertThat(mail.getSubject()).isEqualTo("Progress update for Ana Silva");
        assertThat(body(mail)).contains("Dear Maria Silva,", "Ana Silva is working below grade level in reading",
                "Read together for 15 minutes a day", "Ana Silva came to 7 tutoring sessions");
        assertThat(messages.find(message.id()).orElseThrow())
                .extracting(FamilyMessage::status, FamilyMessage::language, FamilyMessage::channel)
                .containsExactly(FamilyMessageStatus.DELIVERED, "en", Channel.EMAIL);
        assertThat(disclosures.ofStudent(student.id()))
                .extracting(Disclosure::caregiverName, Disclosure::kind, Disclosure::cycleNo, Disclosure::channel)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Maria Silva", FamilyMessageKind.PROGRESS_UPDATE,
                        1, Channel.EMAIL));
    }

    @Test
    void shouldKeepTheDraftOutOfTheProcess() {
        Student student = families.student(program.school(), "Ben Ode");
        families.caregiver(student, "Ada Ode", "ada@example.org", null, "en", Channel.EMAIL);
        families.caregiver(student, "Obi Ode", null, "555 123 4567", "en", Channel.PHONE_CALL);
        ProcessInstance pi = families.startUpdate(program, student, 1);

        draft(pi, "at", false);

        assertThat(pi).isWaitingAt(CALL_CAREGIVER).variables()
                .doesNotContainKeys("subject", "standing", "atHome", "win", "sessionsAttended")
                .containsKeys(Var.STUDENT_ID, Var.UPDATE_ID, Var.CYCLE);
    }

    @Test
    void shouldSendASpanishSpeakingCaregiverTheReviewedSpanishTexts() throws Exception {
        Student student = families.student(program.school(), "Luis Ortega");
        Caregiver father = families.caregiver(student, "Jorge Ortega", "jorge@example.org", null, "es", Channel.EMAIL);
        ProcessInstance pi = families.startUpdate(program, student, 2);

        draft(pi, "approaching", false);

        assertThat(pi).isEnded().hasNotPassed(TRANSLATE_UPDATE);
        deliver(onlyMessageTo(father));
        MimeMessage mail = mailroom.receivedBy("jorge@example.org").get(0);
        assertThat(mail.getSubject()).isEqualTo("Informe de progreso de Luis Ortega");
        assertThat(body(mail)).contains("Estimado/a Jorge Ortega:", "Luis Ortega está cerca del nivel de su grado en lectura",
                "Lean juntos 15 minutos al día");
        assertThat(messages.find(onlyMessageTo(father).id()).orElseThrow().language()).isEqualTo("es");
    }

    @Test
    void shouldHaveALiaisonWhoSpeaksTheLanguageTranslateIt() throws Exception {
        Student student = families.student(program.school(), "Minh Tran");
        Caregiver grandmother = families.caregiver(student, "Lan Tran", "lan@example.org", null, "vi", Channel.EMAIL);
        String liaison = families.liaisonSpeaking(program.school(), "vi");
        ProcessInstance pi = families.startUpdate(program, student, 1);
        draft(pi, "at", false);

        assertThat(pi).isWaitingAt(TRANSLATE_UPDATE);
        Task translate = task(TRANSLATE_UPDATE, pi);
        assertThat(translate).hasCandidateGroup("liaisons-vi");
        tasks.claim(translate.getId(), liaison);
        complete(translate, withVariables("translatedText", "Minh đang học đúng trình độ lớp về môn đọc."));

        assertThat(pi).isEnded().hasPassed(SEND_EMAIL);
        deliver(onlyMessageTo(grandmother));
        MimeMessage mail = mailroom.receivedBy("lan@example.org").get(0);
        assertThat(mail.getSubject()).isEqualTo("Báo cáo tiến bộ của Minh Tran");
        assertThat(body(mail)).contains("Kính gửi Lan Tran,", "Minh đang học đúng trình độ lớp về môn đọc.")
                .doesNotContain("grade level");
        assertThat(messages.find(onlyMessageTo(grandmother).id()).orElseThrow().language()).isEqualTo("vi");
    }

    @Test
    void shouldOfferATranslationNoLiaisonSpeaksToTheSchoolsLiaisonsAndTellTheManagersOnce() throws Exception {
        String liaison = staffAt(program, "liaison-", Role.LIAISON, null);
        String manager = staffAt(program, "manager-", Role.MANAGER, null);
        Student first = families.student(program.school(), "Amani Njoroge");
        families.caregiver(first, "Wanjiru Njoroge", "wanjiru@example.org", null, "sw", Channel.EMAIL);
        Student second = families.student(program.school(), "Baraka Otieno");
        families.caregiver(second, "Akinyi Otieno", "akinyi@example.org", null, "sw", Channel.EMAIL);

        ProcessInstance one = families.startUpdate(program, first, 1);
        draft(one, "at", false);
        ProcessInstance two = families.startUpdate(program, second, 1);
        draft(two, "at", false);

        assertThat(task(TRANSLATE_UPDATE, one)).as("not an empty liaisons-sw").hasCandidateGroup("liaisons");
        assertThat(task(TRANSLATE_UPDATE, two)).hasCandidateGroup("liaisons");
        assertThat(groupTasksOf(liaison).select("a[href=/tasks/" + task(TRANSLATE_UPDATE, one).getId() + "]").text())
                .as("the school's liaison finds it in Tandem").isEqualTo("Translate the update");
        assertThat(mailroom.queuedFor(manager, MessageKind.LANGUAGE_WITHOUT_LIAISON)).as("once, not per task")
                .extracting(OutboxMessage::subject)
                .containsExactly("No liaison speaks Swahili at " + program.school().name());
    }

    @Test
    void shouldRemindTheTranslatorAndEscalateAnOverdueTranslationToTheLeaderThenTheManagers() {
        String liaison = staffAt(program, "liaison-vi-", Role.LIAISON, "liaisons-vi");
        String manager = staffAt(program, "manager-", Role.MANAGER, null);
        Student student = families.student(program.school(), "Bao Pham");
        families.caregiver(student, "Hoa Pham", "hoa@example.org", null, "vi", Channel.EMAIL);
        ProcessInstance pi = families.startUpdate(program, student, 1);
        draft(pi, "at", false);

        assertThat(Deadlines.of(engine, pi.getId(), TRANSLATE_UPDATE)).extracting(Job::getDuedate).containsExactly(
                programs.startOf(TODAY.plusDays(1)), programs.endOf(TODAY.plusDays(4)), programs.endOf(TODAY.plusDays(6)));
        programs.today(TODAY.plusDays(1));
        execute(Deadlines.of(engine, pi.getId(), TRANSLATE_UPDATE).get(0));
        assertThat(mailroom.queuedFor(liaison, MessageKind.REMINDER)).extracting(OutboxMessage::subject)
                .containsExactly("Reminder: Translate the update is due Thursday, March 4, 2027");

        programs.today(TODAY.plusDays(5));
        execute(Deadlines.of(engine, pi.getId(), TRANSLATE_UPDATE).get(0));
        assertThat(mailroom.queuedFor(program.leader(), MessageKind.ESCALATION)).extracting(OutboxMessage::subject)
                .containsExactly("Overdue: Translate the update at " + program.school().name());
        programs.today(TODAY.plusDays(7));
        execute(Deadlines.of(engine, pi.getId(), TRANSLATE_UPDATE).get(0));
        assertThat(mailroom.queuedFor(manager, MessageKind.ESCALATION)).hasSize(1);
        assertThat(pi).isWaitingAt(TRANSLATE_UPDATE);
    }

    @Test
    void shouldSendItInEnglishWhenNoOneCanTranslate() throws Exception {
        Student student = families.student(program.school(), "Sahra Ali");
        Caregiver mother = families.caregiver(student, "Hodan Ali", "hodan@example.org", null, "so", Channel.EMAIL);
        ProcessInstance pi = families.startUpdate(program, student, 1);
        draft(pi, "at", false);

        assertThat(task(TRANSLATE_UPDATE, pi)).as("no liaison speaks Somali: the school's liaisons")
                .hasCandidateGroup("liaisons");
        complete(task(TRANSLATE_UPDATE, pi), withVariables("cannotTranslate", true));

        deliver(onlyMessageTo(mother));
        assertThat(mailroom.receivedBy("hodan@example.org").get(0).getSubject()).isEqualTo("Progress update for Sahra Ali");
        FamilyMessage sent = messages.find(onlyMessageTo(mother).id()).orElseThrow();
        assertThat(sent.language()).as("4e.3: not in the preferred language").isEqualTo("en");
        assertThat(sent.preferredLanguage()).isEqualTo("so");
    }

    @Test
    void shouldRefuseAnEmptyTranslation() {
        Student student = families.student(program.school(), "Wei Zhang");
        families.caregiver(student, "Li Zhang", "li@example.org", null, "zh", Channel.EMAIL);
        ProcessInstance pi = families.startUpdate(program, student, 1);
        draft(pi, "at", false);

        assertThatThrownBy(() -> complete(task(TRANSLATE_UPDATE, pi), withVariables("translatedText", " ")))
                .hasMessageContaining("Translation: is required.");
        assertThat(pi).isWaitingAt(TRANSLATE_UPDATE);
    }

    @Test
    void shouldLetTheTeacherChangeTheDraftBeforeItGoesOut() throws Exception {
        Student student = families.student(program.school(), "Zoe King");
        Caregiver mother = families.caregiver(student, "Amy King", "amy@example.org", null, "en", Channel.EMAIL);
        ProcessInstance pi = families.startUpdate(program, student, 1);
        draft(pi, "below", true);

        assertThat(pi).isWaitingAt(REVIEW_UPDATE);
        assertThat(task()).hasCandidateGroup("teachers");
        complete(task(), withVariables("standing", "approaching", "win", ""));

        assertThat(pi).isEnded();
        deliver(onlyMessageTo(mother));
        assertThat(body(mailroom.receivedBy("amy@example.org").get(0)))
                .contains("Zoe King is getting close to grade level in reading", "Zoe King asked great questions");
    }

    @Test
    void shouldGiveTheReviewToTheStudentsOwnTeacherAndToTheSchoolsTeachersWhenTheStudentHasNone() throws Exception {
        String ownTeacher = staffAt(program, "own-teacher-", Role.TEACHER, null);
        Student student = families.student(program.school(), "Noa Bell");
        families.caregiver(student, "Ivy Bell", "ivy@example.org", null, "en", Channel.EMAIL);
        directory.changeTeacher(student.id(), ownTeacher);
        Student another = families.student(program.school(), "Max Ford");
        families.caregiver(another, "Lea Ford", "lea@example.org", null, "en", Channel.EMAIL);

        ProcessInstance pi = families.startUpdate(program, student, 1);
        draft(pi, "below", true);
        ProcessInstance other = families.startUpdate(program, another, 1);
        draft(other, "below", true);

        Task review = task(REVIEW_UPDATE, pi);
        assertThat(review).isAssignedTo(ownTeacher);
        assertThat(Jsoup.parse(mvc.perform(get("/tasks").with(user(ownTeacher).roles("teachers")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .select("a[href=/tasks/" + review.getId() + "]").text())
                .as("in the teacher's My tasks").isEqualTo("Review the progress update");
        Task shared = task(REVIEW_UPDATE, other);
        assertThat(shared.getAssignee()).as("no teacher of its own").isNull();
        assertThat(shared).hasCandidateGroup("teachers");
    }

    @Test
    void shouldGiveALiaisonWhoSpeaksTheirLanguageACallToMake() {
        Student student = families.student(program.school(), "Diego Cruz");
        Caregiver father = families.caregiver(student, "Raúl Cruz", null, "+1 312 555 0199", "es", Channel.PHONE_CALL);
        families.liaisonSpeaking(program.school(), "es");
        ProcessInstance pi = families.startUpdate(program, student, 1);
        draft(pi, "at", false);

        assertThat(pi).isWaitingAt(CALL_CAREGIVER);
        assertThat(task()).hasCandidateGroup("liaisons-es");
        complete(task(), withVariables("calledOn", TODAY.toString(), "callOutcome", "reached", "inTheirLanguage", true));

        assertThat(pi).isEnded().hasPassed(CALL_MADE);
        FamilyMessage call = onlyMessageTo(father);
        assertThat(call).extracting(FamilyMessage::status, FamilyMessage::channel, FamilyMessage::language,
                FamilyMessage::deliveredOn).containsExactly(FamilyMessageStatus.DELIVERED, Channel.PHONE_CALL, "es", TODAY);
        assertThat(disclosures.ofStudent(student.id())).extracting(Disclosure::channel).containsExactly(Channel.PHONE_CALL);
    }

    @Test
    void shouldFixAWrongNumberThenCallAgain() {
        Student student = families.student(program.school(), "Iris Park");
        Caregiver aunt = families.caregiver(student, "June Park", null, "555 000 1111", "en", Channel.PHONE_CALL);
        ProcessInstance pi = families.startUpdate(program, student, 1);
        draft(pi, "at", false);
        complete(task(CALL_CAREGIVER, pi), withVariables("calledOn", TODAY.toString(), "callOutcome", "wrong-number"));

        assertThat(pi).isWaitingAt(FIX_CAREGIVER_CONTACT);
        assertThat(task()).hasCandidateGroup("liaisons");
        assertThatThrownBy(() -> complete(task(), withVariables("phone", "call me")))
                .hasMessageContaining("Phone number: 'call me' is not a phone number");
        complete(task(), withVariables("phone", "555 222 3333"));

        assertThat(pi).isWaitingAt(CALL_CAREGIVER);
        assertThat(directory.caregiver(aunt.id()).orElseThrow().phone()).isEqualTo("555 222 3333");
        complete(task(), withVariables("calledOn", TODAY.toString(), "callOutcome", "message-left", "inTheirLanguage", true));
        assertThat(pi).isEnded();
        assertThat(onlyMessageTo(aunt).status()).isEqualTo(FamilyMessageStatus.DELIVERED);
    }

    @Test
    void shouldHaveATeacherSendAPaperNoteHome() {
        Student student = families.student(program.school(), "Kofi Mensah");
        Caregiver mother = families.caregiver(student, "Efua Mensah", null, null, "en", Channel.PAPER_NOTE);
        ProcessInstance pi = families.startUpdate(program, student, 1);
        draft(pi, "above", false);

        assertThat(pi).isWaitingAt(SEND_NOTE_HOME);
        assertThat(task()).hasCandidateGroup("teachers");
        complete(task(), withVariables("sentOn", TODAY.toString()));

        assertThat(pi).isEnded().hasPassed(NOTE_SENT);
        assertThat(onlyMessageTo(mother)).extracting(FamilyMessage::status, FamilyMessage::channel)
                .containsExactly(FamilyMessageStatus.DELIVERED, Channel.PAPER_NOTE);
    }

    @Test
    void shouldSendNothingToACaregiverWhoseContactIsNotAllowed() {
        Student student = families.student(program.school(), "Eli Stone");
        Caregiver father = families.caregiver(student, "Mark Stone", "mark@example.org", null, "en", Channel.EMAIL);
        families.link(student, father, false, "Court order of 2026-11-02", null);
        ProcessInstance pi = families.startUpdate(program, student, 1);

        assertThat(pi).isEnded().hasPassed(NOBODY_TO_TELL).hasNotPassed(DRAFT_UPDATE);
        assertThat(onlyMessageTo(father)).extracting(FamilyMessage::status, FamilyMessage::withheldReason)
                .containsExactly(FamilyMessageStatus.WITHHELD, WithheldReason.CONTACT_NOT_ALLOWED);
        assertThat(onlyMessageTo(father).outboxMessageId()).isNull();
        assertThat(disclosures.ofStudent(student.id())).isEmpty();
    }

    @Test
    void shouldTellOnlyTheCaregiversAnAdultStudentAgreedTo() throws Exception {
        Student student = families.student(program.school(), "Nia Brooks", 3, TODAY.minusYears(18));
        Caregiver mother = families.caregiver(student, "Tara Brooks", "tara@example.org", null, "en", Channel.EMAIL);
        Caregiver father = families.caregiver(student, "Sam Brooks", "sam@example.org", null, "en", Channel.EMAIL);
        families.link(student, mother, true, null, true);
        families.link(student, father, true, null, null);
        ProcessInstance pi = families.startUpdate(program, student, 1);
        draft(pi, "at", false);

        assertThat(pi).isEnded();
        assertThat(onlyMessageTo(father)).extracting(FamilyMessage::status, FamilyMessage::withheldReason)
                .containsExactly(FamilyMessageStatus.WITHHELD, WithheldReason.NO_STUDENT_CONSENT);
        deliver(onlyMessageTo(mother));
        assertThat(mailroom.receivedBy("tara@example.org")).hasSize(1);
        assertThat(mailroom.receivedBy("sam@example.org")).isEmpty();
        assertThat(disclosures.ofStudent(student.id())).extracting(Disclosure::caregiverName).containsExactly("Tara Brooks");
    }

    @Test
    void shouldAskALiaisonForAnAddressWhenThereIsNone() throws Exception {
        Student student = families.student(program.school(), "Omar Haddad");
        Caregiver mother = families.caregiver(student, "Rana Haddad", " ", null, "ar", Channel.EMAIL);
        ProcessInstance pi = families.startUpdate(program, student, 1);
        draft(pi, "at", false);
        complete(task(TRANSLATE_UPDATE, pi), withVariables("translatedText", "عمر يعمل على مستوى صفه في القراءة."));

        assertThat(pi).isWaitingAt(FIX_CAREGIVER_CONTACT);
        complete(task(FIX_CAREGIVER_CONTACT, pi), withVariables("email", "rana@example.org"));

        assertThat(pi).isEnded().hasPassed(SEND_EMAIL);
        deliver(onlyMessageTo(mother));
        MimeMessage mail = mailroom.receivedBy("rana@example.org").get(0);
        assertThat(body(mail)).contains("dir=\"rtl\"", "عمر يعمل على مستوى صفه في القراءة.");
    }

    @Test
    void shouldRecordACaregiverWhoCannotBeReached() {
        Student student = families.student(program.school(), "Ava Reed");
        Caregiver father = families.caregiver(student, "Tom Reed", null, null, "en", Channel.PHONE_CALL);
        ProcessInstance pi = families.startUpdate(program, student, 1);
        draft(pi, "at", false);

        complete(task(FIX_CAREGIVER_CONTACT, pi), withVariables("cannotReach", true));

        assertThat(pi).isEnded().hasPassed(CAREGIVER_NOT_REACHED);
        assertThat(onlyMessageTo(father).status()).isEqualTo(FamilyMessageStatus.NOT_REACHED);
    }

    @Test
    void shouldHaveALiaisonFixAnAddressTheMailServerRefusedThenSendItThere() throws Exception {
        String liaison = staffAt(program, "liaison-", Role.LIAISON, null);
        Student student = families.student(program.school(), "Lena Vogel");
        Caregiver mother = families.caregiver(student, "Ute Vogel", "gone@example.org", null, "en", Channel.EMAIL);
        ProcessInstance pi = families.startUpdate(program, student, 1);
        draft(pi, "at", false);
        FamilyMessage message = onlyMessageTo(mother);
        OutboxMessage queued = outbox.find(message.outboxMessageId()).orElseThrow();

        mailServer.stop();
        try (ScriptedSmtpServer refusing = new ScriptedSmtpServer(mailServer.port(),
                ScriptedSmtpServer.Answer.REFUSE_RECIPIENT, 0)) {
            mailroom.deliver(queued);
        }
        mailServer.start();

        ProcessInstance delivery = processInstanceQuery()
                .processInstanceId(outbox.find(queued.id()).orElseThrow().processInstanceId()).singleResult();
        assertThat(delivery).isWaitingAt(DeliverMessage.FIX_CONTACT_DETAILS);
        Task fix = task(DeliverMessage.FIX_CONTACT_DETAILS, delivery);
        assertThat(fix).hasCandidateGroup("liaisons");
        assertThat(groupTasksOf(liaison).select("a[href=/tasks/" + fix.getId() + "]").text())
                .as("the school's liaison finds it in Tandem").isEqualTo("Fix the contact details");
        assertThat(Deadlines.of(engine, delivery.getId(), DeliverMessage.FIX_CONTACT_DETAILS))
                .as("due in two days, too soon for a reminder; escalated like any task of the school").hasSize(2);
        complete(task(DeliverMessage.FIX_CONTACT_DETAILS, delivery),
                withVariables("correctedAddress", "ute.vogel@example.org", "sendAgain", true));

        assertThat(directory.caregiver(mother.id()).orElseThrow().email()).isEqualTo("ute.vogel@example.org");
        mailroom.deliver(outbox.find(queued.id()).orElseThrow());
        assertThat(mailroom.receivedBy("ute.vogel@example.org")).hasSize(1);
        assertThat(messages.find(message.id()).orElseThrow().status()).isEqualTo(FamilyMessageStatus.DELIVERED);
        assertThat(disclosures.ofStudent(student.id())).hasSize(1);
    }

    private org.jsoup.nodes.Document groupTasksOf(String liaison) throws Exception {
        return Jsoup.parse(mvc.perform(get("/tasks").param("view", "group").with(user(liaison).roles("liaisons")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private void draft(ProcessInstance pi, String standing, boolean teacherReview) {
        Task task = task(DRAFT_UPDATE, pi);
        tasks.claim(task.getId(), "coordinator-1");
        complete(task, withVariables("subject", "reading", "standing", standing, "atHome", "read-together",
                "win", "great-questions", "sessionsAttended", 7, "teacherReview", teacherReview));
    }

    private FamilyMessage onlyMessageTo(Caregiver caregiver) {
        List<FamilyMessage> all = messages.ofTerm(program.term().id()).stream()
                .filter(m -> m.caregiverId() == caregiver.id())
                .toList();
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    private void deliver(FamilyMessage message) {
        mailroom.deliver(outbox.find(messages.find(message.id()).orElseThrow().outboxMessageId()).orElseThrow());
    }

    static String body(MimeMessage mail) throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        mail.writeTo(out);
        return new String(jakarta.mail.internet.MimeUtility.decode(new java.io.ByteArrayInputStream(out.toByteArray()),
                "quoted-printable").readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
