package app.tandem.family;

import static app.tandem.family.CaregiverProcesses.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.UserRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;

import app.tandem.TandemTest;
import app.tandem.notify.EmbeddedMailServer;
import app.tandem.notify.Mailroom;
import app.tandem.notify.Outbox;
import app.tandem.program.ProgramFixture;
import app.tandem.program.ProgramFixture.Program;

import jakarta.mail.internet.MimeMessage;

/** A liaison translates each phrase of a language once; updates made of reviewed phrases need no translator. */
@TandemTest
class PhraseBookTest {

    private static final LocalDate TODAY = LocalDate.of(2027, 3, 1);
    /** A Vietnamese-speaking liaison's phrases, as the test's liaison writes them. */
    private static final Map<String, String> VIETNAMESE = Map.ofEntries(
            Map.entry("mail.caregiver-update.subject", "Tin tức học tập của {0}"),
            Map.entry("family.update.heading", "Tình hình học tập của {0}"),
            Map.entry("family.update.standing.approaching", "{0} sắp đạt trình độ lớp môn {1}."),
            Map.entry("family.subject.reading", "đọc"),
            Map.entry("family.update.win.great-questions", "{0} đã đặt những câu hỏi rất hay."),
            Map.entry("family.update.atHome.read-together", "Hãy đọc sách cùng con 15 phút mỗi ngày."),
            Map.entry("family.update.sessions", "{0} đã tham dự {1} buổi học."),
            Map.entry("mail.caregiver-introduction.subject", "Phụ đạo tại {0}"),
            Map.entry("family.intro.child", "{0}: {1} buổi mỗi tuần"),
            Map.entry("family.intro.childInGroup", "{0}: {1} buổi mỗi tuần, {2}"),
            Map.entry("family.intro.what", "Con của quý vị sẽ được gia sư giúp đỡ thêm."));

    @Autowired
    MockMvc mvc;
    @Autowired
    ProcessEngine engine;
    @Autowired
    TaskService tasks;
    @Autowired
    ProgramFixture programs;
    @Autowired
    FamilyFixture families;
    @Autowired
    FamilyMessages messages;
    @Autowired
    LetterPhrases phrases;
    @Autowired
    PhraseBook book;
    @Autowired
    Outbox outbox;
    @Autowired
    Mailroom mailroom;
    @Autowired
    EmbeddedMailServer mailServer;
    @Autowired
    JdbcClient jdbc;

    private Program program;

    @BeforeEach
    void setUp() {
        init(engine);
        programs.today(TODAY);
        program = programs.start(TODAY.minusDays(30), TODAY.plusDays(60), "P2W");
        mailServer.clear();
    }

    /** The phrase book is the district's, shared by every test: leave it as it was. */
    @AfterEach
    void forgetReviews() {
        jdbc.sql("delete from family_phrase where language in ('vi', 'ar')").update();
        ClockUtil.reset();
    }

    @Test
    void shouldSendAVietnameseUpdateWithoutATranslationTaskOnceALiaisonReviewedItsPhrases() throws Exception {
        for (String key : phrases.all()) {
            mvc.perform(post("/family/phrases/vi").with(csrf()).with(as("liaison-vi", "liaisons", "liaisons-vi"))
                            .param("key", key).param("text", vietnamese(key)))
                    .andExpect(status().is3xxRedirection());
        }
        assertThat(mvc.perform(get("/family/phrases").with(as("manager-1", "managers"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("40 of 40 phrases (100%)", "0 of 40 phrases (0%)");
        Student student = families.student(program.school(), "Minh Tran");
        Caregiver grandmother = families.caregiver(student, "Lan Tran", "lan@example.org", null, "vi", Channel.EMAIL);

        ProcessInstance pi = draft(student, 1, "approaching");

        assertThat(pi).isEnded().hasPassed(SEND_EMAIL).hasNotPassed(TRANSLATE_UPDATE);
        MimeMessage mail = deliver(grandmother);
        assertThat(mail.getSubject()).isEqualTo("Tin tức học tập của Minh Tran");
        assertThat(CaregiverUpdateProcessTest.body(mail)).contains("Minh Tran sắp đạt trình độ lớp môn đọc.",
                "Minh Tran đã đặt những câu hỏi rất hay.", "Hãy đọc sách cùng con 15 phút mỗi ngày.",
                "Minh Tran đã tham dự 7 buổi học.").doesNotContain("grade level", "Read together");
        assertThat(messageTo(grandmother).language()).isEqualTo("vi");
    }

    @Test
    void shouldStillHaveALiaisonTranslateAnUpdateWithAPhraseNotYetReviewed() {
        phrases.all().stream().filter(key -> !key.equals("family.update.standing.below"))
                .forEach(key -> book.review("vi", key, vietnamese(key), "liaison-vi"));
        families.liaisonSpeaking(program.school(), "vi");
        Student reviewed = families.student(program.school(), "Bao Ngo");
        families.caregiver(reviewed, "Thu Ngo", "thu@example.org", null, "vi", Channel.EMAIL);
        Student notYet = families.student(program.school(), "Khanh Le");
        Caregiver mother = families.caregiver(notYet, "Mai Le", "mai@example.org", null, "vi", Channel.EMAIL);

        assertThat(draft(reviewed, 1, "approaching")).isEnded().hasNotPassed(TRANSLATE_UPDATE);
        ProcessInstance pi = draft(notYet, 1, "below");

        assertThat(pi).isWaitingAt(TRANSLATE_UPDATE);
        assertThat(task(TRANSLATE_UPDATE, pi)).hasCandidateGroup("liaisons-vi");
        assertThat(messageTo(mother).language()).isNull();
    }

    @Test
    void shouldLetOnlyTheLiaisonsOfTheLanguageReviewAndManagersRead() throws Exception {
        String page = mvc.perform(get("/family/phrases/vi").with(as("liaison-vi", "liaisons", "liaisons-vi")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Phrase book: Vietnamese", "0 of 40 phrases reviewed.",
                "Progress update for {0}", "Báo cáo tiến bộ của {0}", "Draft awaiting review", "Not translated yet",
                "Save as reviewed");
        String managers = mvc.perform(get("/family/phrases/vi").with(as("manager-1", "managers")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(managers).contains("Báo cáo tiến bộ của {0}").doesNotContain("Save as reviewed");

        mvc.perform(get("/family/phrases/vi").with(as("liaison-es", "liaisons", "liaisons-es")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/family/phrases/vi").with(as("coordinator-1", "coordinators")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/family/phrases").with(as("teacher-1", "teachers"))).andExpect(status().isNotFound());
        mvc.perform(get("/family/phrases/es").with(as("manager-1", "managers"))).andExpect(status().isNotFound());
        mvc.perform(post("/family/phrases/vi").with(csrf()).with(as("manager-1", "managers"))
                .param("key", "family.subject.math").param("text", "toán")).andExpect(status().isNotFound());
        mvc.perform(post("/family/phrases/vi").with(csrf()).with(as("liaison-vi", "liaisons", "liaisons-vi"))
                .param("key", "family.import.title").param("text", "x")).andExpect(status().isNotFound());
        assertThat(book.reviewed("vi", "family.subject.math")).isEmpty();

        String overview = mvc.perform(get("/family/phrases").with(as("manager-1", "managers")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(overview).contains("Vietnamese (vi)", "Chinese (zh)", "Arabic (ar)", "Haitian", "Somali (so)",
                "0 of 40 phrases (0%)");
    }

    @Test
    void shouldRefuseATranslationThatDropsTheStudentsNameAndKeepWhatWasTyped() throws Exception {
        String refused = mvc.perform(post("/family/phrases/vi").with(csrf())
                        .with(as("liaison-vi", "liaisons", "liaisons-vi"))
                        .param("key", "family.update.win.great-questions").param("text", "Con đã hỏi rất hay."))
                .andExpect(status().isUnprocessableEntity()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);

        assertThat(refused).contains("Translation: keep {0} as the English text has them", "Con đã hỏi rất hay.");
        assertThat(book.reviewed("vi", "family.update.win.great-questions")).isEmpty();
    }

    @Test
    void shouldLayOutAnArabicLetterRightToLeft() throws Exception {
        Student student = families.student(program.school(), "Omar Haddad");
        Caregiver mother = families.caregiver(student, "Rana Haddad", "rana@example.org", null, "ar", Channel.EMAIL);
        ProcessInstance pi = draft(student, 1, "at");
        complete(task(TRANSLATE_UPDATE, pi), withVariables("translatedText", "عمر يعمل على مستوى صفه في القراءة."));

        String mail = CaregiverUpdateProcessTest.body(deliver(mother));

        assertThat(mail).containsPattern("<html lang=\"ar\"\\s+dir=\"rtl\">").contains("direction: rtl;",
                "عمر يعمل على مستوى صفه في القراءة.");
    }

    @Test
    void shouldIntroduceTheProgramInVietnameseWithoutATranslationTaskOnceItsPhrasesAreReviewed() throws Exception {
        String page = mvc.perform(get("/family/phrases/vi").with(as("liaison-vi", "liaisons", "liaisons-vi")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("The program introduction", "Chương trình phụ đạo diễn ra từ {0} đến {1}.",
                "Draft awaiting review");
        phrases.ofIntroduction().forEach(key -> book.review("vi", key, vietnamese(key), "liaison-vi"));
        Student student = families.student(program.school(), "Hoa Pham");
        Caregiver father = families.caregiver(student, "Duc Pham", "duc@example.org", null, "vi", Channel.EMAIL);

        ProcessInstance pi = introduce(father);

        assertThat(pi).isEnded().hasPassed(SEND_EMAIL).hasNotPassed(TRANSLATE_INTRODUCTION);
        MimeMessage mail = deliver(father);
        assertThat(mail.getSubject()).isEqualTo("Phụ đạo tại " + program.school().name());
        assertThat(CaregiverUpdateProcessTest.body(mail)).contains("Con của quý vị sẽ được gia sư giúp đỡ thêm.",
                "Hoa Pham: 3 buổi mỗi tuần").doesNotContain("sessions a week");
        assertThat(messageTo(father).language()).isEqualTo("vi");
    }

    @Test
    void shouldOfferDraftsOfTheIntroductionInTheNextLanguagesAndLayOutArabicRightToLeftOnceReviewed()
            throws Exception {
        for (String language : List.of("vi", "zh", "ar", "ht", "so")) {
            assertThat(book.of(language)).filteredOn(p -> phrases.ofIntroduction().contains(p.key()))
                    .as("every introduction phrase drafted in %s, awaiting review", language)
                    .hasSize(phrases.ofIntroduction().size())
                    .allSatisfy(p -> assertThat(p.text()).isNotBlank())
                    .noneMatch(PhraseBook.Phrase::reviewed);
        }
        book.of("ar").stream().filter(p -> phrases.ofIntroduction().contains(p.key()))
                .forEach(p -> book.review("ar", p.key(), p.text(), "liaison-ar"));
        Student student = families.student(program.school(), "Sami Aziz");
        Caregiver mother = families.caregiver(student, "Huda Aziz", "huda@example.org", null, "ar", Channel.EMAIL);

        assertThat(introduce(mother)).isEnded().hasNotPassed(TRANSLATE_INTRODUCTION);

        String mail = partsOf(deliver(mother));
        assertThat(mail).containsPattern("<html lang=\"ar\"\\s+dir=\"rtl\">").contains("direction: rtl;",
                "Sami Aziz: ", "حصة في الأسبوع", "سيحصل طفلكم على مساعدة إضافية");
    }

    /** The mail's text and HTML parts, decoded: a mail mostly in Arabic goes out in base64. */
    private static String partsOf(jakarta.mail.Part part) throws Exception {
        Object content = part.getContent();
        if (content instanceof jakarta.mail.Multipart multipart) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                text.append(partsOf(multipart.getBodyPart(i)));
            }
            return text.toString();
        }
        return content instanceof String text ? text : "";
    }

    private ProcessInstance introduce(Caregiver caregiver) {
        return engine.getRuntimeService().startProcessInstanceByKey(ONBOARDING_PROCESS_KEY,
                onboardingBusinessKey(caregiver.id(), program.term().id()), Map.of(Var.CAREGIVER_ID, caregiver.id(),
                        app.tandem.system.ProcessVariables.SCHOOL_ID, program.school().id(),
                        app.tandem.system.ProcessVariables.TERM_ID, program.term().id()));
    }

    private ProcessInstance draft(Student student, int cycle, String standing) {
        ProcessInstance pi = families.startUpdate(program, student, cycle);
        Task task = task(DRAFT_UPDATE, pi);
        tasks.claim(task.getId(), "coordinator-1");
        complete(task, withVariables("subject", "reading", "standing", standing, "atHome", "read-together",
                "win", "great-questions", "sessionsAttended", 7, "teacherReview", false));
        return pi;
    }

    /** The test liaison's phrase, or one that keeps the English arguments for the phrases the test does not read. */
    private String vietnamese(String key) {
        String english = book.of("vi").stream().filter(p -> p.key().equals(key)).findFirst().orElseThrow().english();
        return VIETNAMESE.getOrDefault(key, "[vi] " + english);
    }

    private FamilyMessage messageTo(Caregiver caregiver) {
        List<FamilyMessage> all = messages.ofTerm(program.term().id()).stream()
                .filter(m -> m.caregiverId() == caregiver.id()).toList();
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    private MimeMessage deliver(Caregiver caregiver) {
        mailroom.deliver(outbox.find(messageTo(caregiver).outboxMessageId()).orElseThrow());
        return mailroom.receivedBy(caregiver.email()).get(0);
    }

    private static UserRequestPostProcessor as(String username, String... groups) {
        return user(username).authorities(Arrays.stream(groups).map(g -> new SimpleGrantedAuthority("ROLE_" + g))
                .toList());
    }
}
