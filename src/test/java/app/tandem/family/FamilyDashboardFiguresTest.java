package app.tandem.family;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import app.tandem.TandemTest;
import app.tandem.notify.EmbeddedMailServer;
import app.tandem.notify.MailReceived;
import app.tandem.notify.Mailroom;
import app.tandem.program.ProgramFixture;
import app.tandem.program.ProgramFixture.Program;

/**
 * The dashboard's 4e.1 and 4e.3 count every way the program talks with families: updates by email, and by call
 * once a family unsubscribed; the replies families write and the answers liaisons send, in their language or not.
 */
@TandemTest
class FamilyDashboardFiguresTest {

    private static final LocalDate TODAY = LocalDate.of(2027, 3, 1);
    private static final Pattern ONE_CLICK = Pattern.compile("<(https?://[^>]+/unsubscribe/[^>]+)>");

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
    Mailroom mailroom;
    @Autowired
    EmbeddedMailServer mailServer;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    FamilyReplies replies;

    private Program program;

    @BeforeEach
    void setUp() {
        init(engine);
        programs.today(TODAY);
        // A term yet to start: the dashboard lists a program from its alignment phase on.
        program = programs.start(TODAY.plusDays(14), TODAY.plusDays(100), "P2W");
        mailServer.clear();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void shouldCountTheCallToAFamilyThatUnsubscribedAndTheRepliesAndAnswersOnTheDashboard() throws Exception {
        Student ana = families.student(program.school(), "Ana Ruiz");
        Caregiver maria = families.caregiver(ana, "Maria Ruiz", "maria.figures@example.org", null, "es", Channel.EMAIL);
        Student ben = families.student(program.school(), "Ben Cole");
        Caregiver tom = families.caregiver(ben, "Tom Cole", "tom.figures@example.org", "312 555 0102", "en",
                Channel.EMAIL);
        familyMail.mailed(program, ana, maria, 1);
        String unsubscribe = FamilyMail.header(familyMail.mailed(program, ben, tom, 1), "List-Unsubscribe");
        familyMail.mailed(program, ana, maria, 2);
        familyMail.draft(program, ben, 2);
        var queued = familyMail.queued(program, tom, 2);
        Matcher link = ONE_CLICK.matcher(unsubscribe);
        assertThat(link.find()).isTrue();
        mvc.perform(post(URI.create(link.group(1)).getPath()).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content("List-Unsubscribe=One-Click")).andExpect(status().isOk());
        mailroom.deliver(queued);

        assertThat(shares()).as("cycle 2 waits for the call to Tom: 1 + 2 students, no replies yet")
                .containsEntry("4e.1", "3 of 4").containsEntry("4e.3", "3 of 3");

        Task call = engine.getTaskService().createTaskQuery()
                .processInstanceBusinessKey("reach-" + familyMail.messageOf(program, tom, 2).id()).singleResult();
        engine.getTaskService().complete(call.getId(), Map.of("calledOn", TODAY.toString(), "callOutcome", "reached",
                "inTheirLanguage", true));
        reply(maria, familyMail.messageOf(program, maria, 1), "¿Cómo puedo ayudar con la lectura?");
        reply(maria, familyMail.messageOf(program, maria, 2), "Gracias");
        reply(tom, familyMail.messageOf(program, tom, 1), "Thanks, what book should we read?");
        answer(maria, "¿Cómo puedo ayudar", Map.of("familyAnswer", "Read together every evening."));
        answer(tom, "what book", Map.of("familyAnswer", "Any book he likes.", "answeredInTheirLanguage", true));

        assertThat(shares()).as("4/4 student updates and 2 of 3 replies answered; 4 messages and 2 answers sent, "
                        + "Maria's answer in English")
                .containsEntry("4e.1", "6 of 7").containsEntry("4e.3", "5 of 6");
    }

    /** A family's mail to the replies mailbox, as the mailbox reader publishes it. */
    private void reply(Caregiver from, FamilyMessage about, String text) {
        transactions.executeWithoutResult(status -> events.publishEvent(new MailReceived("<" + System.nanoTime()
                + "@example.org>", about.outboxMessageId(), FamilyLetters.idempotencyKey(about.id()), from.email(),
                from.fullName(), "Re: update", text, ClockUtil.getCurrentTime().toInstant())));
    }

    private void answer(Caregiver caregiver, String replyText, Map<String, Object> form) {
        Task task = engine.getTaskService().createTaskQuery().taskDefinitionKey(AnswerFamily.ANSWER_FAMILY).list()
                .stream().filter(t -> {
                    Object id = engine.getTaskService().getVariable(t.getId(), AnswerFamily.Var.REPLY_ID);
                    return replies.find(((Number) id).longValue()).map(r -> r.caregiverId() != null
                            && r.caregiverId() == caregiver.id() && r.text().contains(replyText)).orElse(false);
                }).findFirst().orElseThrow();
        engine.getTaskService().complete(task.getId(), form);
    }

    /** What a manager reads on the term's dashboard page, per indicator: "3 of 4". */
    private Map<String, String> shares() throws Exception {
        String html = mvc.perform(get("/dashboard/terms/" + program.term().id())
                        .with(user("figures-manager").roles("managers")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        Document page = Jsoup.parse(html);
        return Map.of("4e.1", page.select("#indicator-4e-1 .share-counts").text(),
                "4e.3", page.select("#indicator-4e-3 .share-counts").text());
    }
}
