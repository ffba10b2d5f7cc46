package app.tandem.notify.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import app.tandem.TandemTest;
import app.tandem.directory.Role;
import app.tandem.directory.School;
import app.tandem.directory.StaffDirectory;
import app.tandem.directory.StaffMember;
import app.tandem.notify.Delivery;
import app.tandem.notify.EmbeddedMailServer;
import app.tandem.notify.Mailroom;
import app.tandem.notify.MessageKind;
import app.tandem.notify.NotificationPreferences;
import app.tandem.notify.OutgoingMessage;
import app.tandem.notify.Outbox;
import app.tandem.notify.OutboxStatus;
import app.tandem.notify.Recipient;
import app.tandem.notify.TaskPreferences;
import app.tandem.program.ProgramFixture;

@TandemTest
@AutoConfigureMockMvc
class NotifyPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Outbox outbox;
    @Autowired
    Mailroom mailroom;
    @Autowired
    StaffDirectory staff;
    @Autowired
    NotificationPreferences preferences;
    @Autowired
    ProgramFixture fixture;
    @Autowired
    EmbeddedMailServer mailServer;

    private String name;
    private long message;

    @BeforeEach
    void aQueuedMessage() {
        name = "Rowan " + UUID.randomUUID().toString().substring(0, 8);
        message = outbox.enqueue(new OutgoingMessage("page-test:" + UUID.randomUUID(), MessageKind.REMINDER,
                new Recipient(null, name, "rowan@example.org", "en"), "Reminder: the check-in is due",
                "Please hold the check-in <soon>.", "<p onclick=\"x()\">Please hold the check-in.</p>", null));
    }

    @Test
    void shouldShowTheOutboxToManagersAndOperatorsOnly() throws Exception {
        for (RequestPostProcessor reader : List.of(manager(), operator())) {
            mvc.perform(get("/outbox").param("recipient", name).with(reader))
                    .andExpect(status().isOk())
                    .andExpect(content().string(allOf(containsString("Reminder: the check-in is due"),
                            containsString(name), containsString("Queued"))));
        }
        RequestPostProcessor teacher = user("a-teacher").roles("teachers");
        mvc.perform(get("/outbox").with(teacher)).andExpect(status().isNotFound());
        mvc.perform(get("/outbox/" + message).with(teacher)).andExpect(status().isNotFound());
        mvc.perform(get("/outbox/" + message + "/html").with(teacher)).andExpect(status().isNotFound());
        mvc.perform(post("/outbox/" + message + "/retry").with(teacher).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(get("/outbox")).andExpect(status().is3xxRedirection());
    }

    @Test
    void shouldSayOnTheOutboxThatTheMailServerDoesNotAnswerAndMessagesWait() throws Exception {
        mvc.perform(get("/outbox").with(manager()))
                .andExpect(content().string(not(containsString("The mail server does not answer."))));
        mailServer.stop();
        try {
            mvc.perform(get("/outbox").with(manager()))
                    .andExpect(content().string(containsString("The mail server does not answer.")))
                    .andExpect(content().string(containsString("Messages wait in the outbox and go out once it is back")));
        } finally {
            mailServer.start();
        }
    }

    @Test
    void shouldFilterTheOutboxByStatusKindAndRecipient() throws Exception {
        mvc.perform(get("/outbox").param("recipient", name).param("status", "SENT").with(manager()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(not(containsString("Reminder: the check-in is due")),
                        containsString("No messages match."))));
        mvc.perform(get("/outbox").param("recipient", name).param("kind", "REMINDER").param("status", "QUEUED")
                        .with(manager()))
                .andExpect(content().string(containsString("Reminder: the check-in is due")));
        mvc.perform(get("/outbox").param("recipient", name).param("kind", "DAILY_DIGEST").with(manager()))
                .andExpect(content().string(not(containsString("Reminder: the check-in is due"))));
    }

    @Test
    void shouldShowTheBodyAsTextAndTheHtmlOnItsOwnWithNothingActive() throws Exception {
        mvc.perform(get("/outbox/" + message).with(manager()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Please hold the check-in &lt;soon&gt;."),
                        containsString("Retry now"), containsString("Retries left"))));
        mvc.perform(get("/outbox/" + message + "/html").with(manager()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", OutboxController.HTML_BODY_POLICY));
        mvc.perform(get("/outbox/999999999").with(manager())).andExpect(status().isNotFound());
    }

    @Test
    void shouldRetryAStuckMessageNowAndSayWhenThereIsNothingToRetry() throws Exception {
        mvc.perform(post("/outbox/" + message + "/retry").with(manager()).with(csrf()))
                .andExpect(redirectedUrl("/outbox/" + message))
                .andExpect(flash().attribute("notice", "Message " + message + " will be sent at the next chance."));

        mailroom.deliver(outbox.find(message).orElseThrow());
        assertThat(outbox.find(message).orElseThrow().status()).isEqualTo(OutboxStatus.SENT);
        mvc.perform(post("/outbox/" + message + "/retry").with(manager()).with(csrf()))
                .andExpect(flash().attribute("problem", "Message " + message + " is not waiting to be sent."));
        mvc.perform(post("/outbox/" + message + "/retry").with(manager())).andExpect(status().isForbidden());
    }

    @Test
    void shouldLetEachPersonChooseTheirNotificationsAndLanguage() throws Exception {
        String username = aStaffMember();
        mvc.perform(get("/notifications/preferences").with(user(username).roles("coordinators")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("When a task is assigned to you"),
                        checked("assigned-IMMEDIATE"),
                        checked("offered-DIGEST"),
                        not(containsString("/outbox")))));

        mvc.perform(post("/notifications/preferences").with(user(username).roles("coordinators")).with(csrf())
                        .param("assigned", "DIGEST").param("offered", "NEVER").param("language", "es"))
                .andExpect(redirectedUrl("/notifications/preferences"))
                .andExpect(flash().attribute("notice", "Sus preferencias se guardaron."));

        assertThat(preferences.of(username)).isEqualTo(new TaskPreferences(Delivery.DIGEST, Delivery.NEVER));
        assertThat(staff.byUsername(username).orElseThrow().preferredLanguage()).isEqualTo("es");
        // The very next page speaks Spanish, whatever the browser asks for, and back again once changed.
        mvc.perform(get("/notifications/preferences").with(user(username).roles("coordinators"))
                        .header("Accept-Language", "en-US"))
                .andExpect(content().string(allOf(containsString("Sus notificaciones"),
                        checked("offered-NEVER"))));
        mvc.perform(get("/tasks").with(user(username).roles("coordinators")).header("Accept-Language", "en-US"))
                .andExpect(content().string(allOf(containsString("lang=\"es\""), not(containsString("My tasks")))));
        mvc.perform(post("/notifications/preferences").with(user(username).roles("coordinators")).with(csrf())
                        .header("Accept-Language", "es").param("assigned", "DIGEST").param("offered", "NEVER")
                        .param("language", "en"))
                .andExpect(flash().attribute("notice", "Your choices are saved."));
        mvc.perform(get("/tasks").with(user(username).roles("coordinators")).header("Accept-Language", "es"))
                .andExpect(content().string(allOf(containsString("lang=\"en\""), containsString("My tasks"))));
    }

    @Test
    void shouldRefuseAnUnknownChoiceAndKeepWhatWasChosen() throws Exception {
        String username = aStaffMember();
        mvc.perform(post("/notifications/preferences").with(user(username).roles("coordinators")).with(csrf())
                        .param("assigned", "HOURLY").param("offered", "NEVER").param("language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("Choose one of the offered options for When a task is assigned to you."),
                        checked("offered-NEVER"),
                        containsString("is-invalid"))));
        assertThat(preferences.of(username)).isEqualTo(new TaskPreferences(Delivery.IMMEDIATE, Delivery.DIGEST));
        mvc.perform(post("/notifications/preferences").with(user(username).roles("coordinators"))
                .param("assigned", "NEVER").param("offered", "NEVER").param("language", "en"))
                .andExpect(status().isForbidden());
    }

    @Test
    void shouldTellSomeoneWithoutAnAddressThatTandemSendsThemNoMail() throws Exception {
        mvc.perform(get("/notifications/preferences").with(user("not-in-the-directory").roles("camunda-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Tandem has no email address for your account"),
                        containsString("/outbox"))));
    }

    @Test
    void shouldLinkThePreferencesFromTheNavigationBar() throws Exception {
        mvc.perform(get("/notifications/preferences").with(user(aStaffMember()).roles("teachers")))
                .andExpect(content().string(containsString("href=\"/notifications/preferences\"")));
    }

    /** A radio button rendered checked. */
    private static org.hamcrest.Matcher<String> checked(String id) {
        return org.hamcrest.Matchers.matchesPattern("(?s).*id=\"" + id + "\"\\s+value=\"[A-Z]+\" checked=\"checked\".*");
    }

    private String aStaffMember() {
        School school = fixture.newSchool();
        String username = "prefs-" + UUID.randomUUID().toString().substring(0, 8);
        staff.add(new StaffMember(username, school.districtId(), "Pat Prefs", username + "@example.org", "en"),
                "secret", Set.of(Role.COORDINATOR), List.of(school.id()));
        return username;
    }

    private static RequestPostProcessor manager() {
        return user("a-manager").roles("managers");
    }

    private static RequestPostProcessor operator() {
        return user("an-operator").roles("camunda-admin");
    }
}
