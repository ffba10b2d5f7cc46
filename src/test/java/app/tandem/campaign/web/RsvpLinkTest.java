package app.tandem.campaign.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import app.tandem.TandemTest;
import app.tandem.campaign.Campaign;
import app.tandem.campaign.CampaignFixture;
import app.tandem.campaign.CampaignFixture.People;
import app.tandem.campaign.CoDesignInvitations;
import app.tandem.campaign.Invitation;
import app.tandem.campaign.RsvpAnswer;
import app.tandem.campaign.StakeholderCampaign;
import app.tandem.campaign.StakeholderGroup;
import app.tandem.notify.Mailroom;
import app.tandem.notify.MessageKind;
import app.tandem.notify.Outbox;
import app.tandem.notify.OutboxMessage;

/** The co-design invitation's RSVP link, as an invitee without an account uses it from their email. */
@TandemTest
class RsvpLinkTest {

    private static final LocalDate TODAY = LocalDate.of(2027, 10, 4);
    private static final Pattern LINK = Pattern.compile("http://[^/\\s]+(/rsvp/[A-Za-z0-9._-]+)\\?answer=(yes|no)");

    @Autowired
    MockMvc mvc;
    @Autowired
    CampaignFixture fixture;
    @Autowired
    CoDesignInvitations invitations;
    @Autowired
    Outbox outbox;
    @Autowired
    Mailroom mailroom;

    private Invitation invitation;
    private String yesLink;
    private String spanishLink;

    private String spanishMail;

    @BeforeEach
    void anInvitationInSomeonesMailbox() {
        fixture.today(TODAY);
        People people = fixture.district();
        String address = "eli@" + people.district().code() + ".example";
        long contact = fixture.contact(people, "Eli Educator", StakeholderGroup.EDUCATORS, false, address, "en");
        long spanish = fixture.contact(people, "Ana Educadora", StakeholderGroup.EDUCATORS, false,
                "ana@" + people.district().code() + ".example", "es");
        fixture.contact(people, "Bo Board", StakeholderGroup.SCHOOL_BOARD, true, "bo@board.example", "en");
        Campaign campaign = fixture.start(people, "2027-28", null);
        fixture.complete(fixture.task(campaign, StakeholderCampaign.MAP_DECISION_MAKERS), people.lead(),
                Map.of("mapReviewed", true));
        fixture.row(campaign, StakeholderGroup.EDUCATORS, people.ownerA(), "P1M", null);
        fixture.complete(fixture.task(campaign, StakeholderCampaign.DRAFT_COMMUNICATION_PLAN), people.lead(),
                Map.of("planReady", true));
        fixture.complete(fixture.task(campaign, StakeholderCampaign.APPROVE_COMMUNICATION_PLAN), people.approver(),
                Map.of("planDecision", "approve"));
        fixture.complete(fixture.task(campaign, StakeholderCampaign.INVITE_TO_CO_DESIGN), people.lead(), Map.of(
                "sessionOn", TODAY.plusDays(10).toString(), "sessionPlace", "Library, room 3",
                "inviteGroups", "[\"teachers\"]"));
        long sessionId = invitations.sessionsOf(campaign.id()).get(0).id();
        invitation = invitations.ofSession(sessionId).stream()
                .filter(i -> Long.valueOf(contact).equals(i.contactId())).findFirst().orElseThrow();
        OutboxMessage mail = outbox.find(invitation.messageId()).orElseThrow();
        assertThat(mail.kind()).isEqualTo(MessageKind.CODESIGN_INVITATION);
        mailroom.deliver(mail);
        assertThat(mailroom.receivedBy(address)).hasSize(1);
        Matcher link = LINK.matcher(mail.bodyText());
        assertThat(link.find()).as("an RSVP link in " + mail.bodyText()).isTrue();
        assertThat(link.group(2)).isEqualTo("yes");
        yesLink = link.group(1);
        Invitation ana = invitations.ofSession(sessionId).stream()
                .filter(i -> Long.valueOf(spanish).equals(i.contactId())).findFirst().orElseThrow();
        spanishMail = outbox.find(ana.messageId()).orElseThrow().bodyText();
        Matcher anasLink = LINK.matcher(spanishMail);
        assertThat(anasLink.find()).isTrue();
        spanishLink = anasLink.group(1);
    }

    @Test
    void shouldAnswerASpanishSpeakingInviteeInSpanishWhateverHerBrowserSays() throws Exception {
        Document page = page(mvc.perform(get(spanishLink).param("answer", "yes")
                .header("Accept-Language", "en-US")).andExpect(status().isOk()));

        assertThat(page.select("html").attr("lang")).isEqualTo("es");
        assertThat(page.text()).contains("Hola, Ana Educadora:");
        // The mail's promise, in her language, is what the page does: the link opens it, one more click records.
        assertThat(spanishMail).contains("el enlace abre su invitación, donde un clic más la registra");
        assertThat(page.getElementById("rsvp-outcome")).as("opening the link records nothing").isNull();
        assertThat(page.select("form button.btn-primary").eachText()).containsExactly("Sí, participaré");
        Document answered = page(mvc.perform(post(spanishLink).param("answer", "yes")
                .header("Accept-Language", "en-US")).andExpect(status().isOk()));
        assertThat(answered.getElementById("rsvp-outcome").text()).startsWith("Gracias");
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void shouldShowTheInvitationWithoutAnAccountAndChangeNothingByOpeningIt() throws Exception {
        Document page = page(mvc.perform(get(yesLink).param("answer", "yes")).andExpect(status().isOk()));

        assertThat(page.select("h1").text()).isEqualTo("Co-design invitation");
        assertThat(page.text()).contains("Hello Eli Educator,").contains("Library, room 3")
                .contains("When " + TODAY.plusDays(10).format(
                        java.time.format.DateTimeFormatter.ofPattern("MMM d, yyyy", java.util.Locale.ENGLISH)));
        assertThat(page.select("form button[value=yes]").hasClass("btn-primary")).isTrue();
        assertThat(page.select("form input[name=_csrf]")).as("the link itself is the key").isEmpty();
        assertThat(answer()).isNull();
    }

    @Test
    void shouldRecordAnAnswerOnceWhenTheSameLinkIsUsedTwice() throws Exception {
        Document first = page(mvc.perform(post(yesLink).param("answer", "yes")).andExpect(status().isOk()));
        assertThat(first.getElementById("rsvp-outcome").text())
                .isEqualTo("Thank you: your answer is recorded (yes, taking part).");
        Invitation recorded = invitations.invitation(invitation.id()).orElseThrow();

        fixture.today(TODAY.plusDays(1));
        Document second = page(mvc.perform(post(yesLink).param("answer", "yes")).andExpect(status().isOk()));

        assertThat(second.getElementById("rsvp-outcome").text())
                .isEqualTo("We already have your answer (yes, taking part): nothing changed.");
        Invitation again = invitations.invitation(invitation.id()).orElseThrow();
        assertThat(again.answer()).isEqualTo(RsvpAnswer.YES);
        assertThat(again.answeredAt()).as("recorded once").isEqualTo(recorded.answeredAt());

        page(mvc.perform(post(yesLink).param("answer", "no")).andExpect(status().isOk()));
        assertThat(answer()).as("a change of mind replaces the answer").isEqualTo(RsvpAnswer.NO);
    }

    @Test
    void shouldTakeOnlyAFewAnswersAMinuteThroughOneLink() throws Exception {
        for (int i = 0; i < RsvpAnswerLimit.ANSWERS_PER_MINUTE; i++) {
            mvc.perform(post(yesLink).param("answer", i % 2 == 0 ? "yes" : "no")).andExpect(status().isOk());
        }
        RsvpAnswer last = answer();

        Document resting = page(mvc.perform(post(yesLink).param("answer", last == RsvpAnswer.YES ? "no" : "yes"))
                .andExpect(status().isTooManyRequests()).andExpect(header().string("Retry-After", "60")));

        assertThat(resting.select("h1").text()).isEqualTo("Too many answers at once");
        assertThat(answer()).as("the answer over the limit changed nothing").isEqualTo(last);
        mvc.perform(get(yesLink)).andExpect(status().isOk());

        fixture.today(TODAY.plusDays(1));
        mvc.perform(post(yesLink).param("answer", "no")).andExpect(status().isOk());
        assertThat(answer()).as("the link answers again once the minute is over").isEqualTo(RsvpAnswer.NO);
    }

    @Test
    void shouldRefuseATamperedLinkWithAPlainPage() throws Exception {
        String[] parts = yesLink.substring("/rsvp/".length()).split("\\.");
        String otherInvitation = "/rsvp/" + (Long.parseLong(parts[0]) + 1) + "." + parts[1] + "." + parts[2];
        String longerLife = "/rsvp/" + parts[0] + "." + (Long.parseLong(parts[1]) + 86_400) + "." + parts[2];
        char last = parts[2].charAt(parts[2].length() - 1);
        String otherSignature = yesLink.substring(0, yesLink.length() - 1) + (last == 'A' ? 'B' : 'A');

        for (String tampered : new String[] {otherInvitation, longerLife, otherSignature, "/rsvp/nonsense"}) {
            Document page = page(mvc.perform(get(tampered)).andExpect(status().isNotFound()));
            assertThat(page.select("h1").text()).isEqualTo("This link is not valid");
            mvc.perform(post(tampered).param("answer", "yes")).andExpect(status().isNotFound());
        }
        assertThat(answer()).isNull();
    }

    @Test
    void shouldRefuseALinkOnceTheSessionsDayIsOver() throws Exception {
        fixture.today(TODAY.plusDays(11));

        Document page = page(mvc.perform(get(yesLink)).andExpect(status().isGone()));
        assertThat(page.select("h1").text()).isEqualTo("This link has expired");
        mvc.perform(post(yesLink).param("answer", "yes")).andExpect(status().isGone());
        assertThat(answer()).isNull();
    }

    @Test
    void shouldAskForYesOrNoWhenTheAnswerIsMissing() throws Exception {
        Document page = page(mvc.perform(post(yesLink).param("answer", "maybe")).andExpect(status().isBadRequest()));
        assertThat(page.select(".alert-danger").text()).isEqualTo("Choose yes or no.");
        assertThat(answer()).isNull();
    }

    @Test
    void shouldStillRequireACsrfTokenEverywhereElse() throws Exception {
        mvc.perform(post("/campaign").param("programYear", "2027-28")).andExpect(status().isForbidden());
    }

    private RsvpAnswer answer() {
        return invitations.invitation(invitation.id()).orElseThrow().answer();
    }

    private static Document page(org.springframework.test.web.servlet.ResultActions result) throws Exception {
        return Jsoup.parse(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }
}
