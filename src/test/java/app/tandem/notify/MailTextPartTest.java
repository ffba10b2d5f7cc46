package app.tandem.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import app.tandem.TandemTest;

/** The plain-text part reads as typed; only the HTML part escapes. */
@TandemTest
class MailTextPartTest {

    @Autowired
    MailComposer composer;

    @Test
    void shouldKeepApostrophesAndAngleBracketsAsTypedInTheTextPart() {
        Recipient recipient = new Recipient("obrien", "Siobhán O'Brien", "obrien@school.example", "en");
        TaskMail.Line line = new TaskMail.Line("Check in with Mr. D'Souza's class", "St. Mary's <Annex>",
                "Monday, 7 December 2026", "http://localhost/tasks/1");

        OutgoingMessage mail = composer.compose("text-part-test", MessageKind.REMINDER, recipient,
                new Object[] {line.name(), line.school(), line.dueOn()}, Map.of("task", line), null);

        assertThat(mail.text())
                .contains("Hello Siobhán O'Brien,")
                .contains("Check in with Mr. D'Souza's class")
                .contains("St. Mary's <Annex>")
                .doesNotContain("&#39;", "&lt;", "&amp;");
        assertThat(mail.html())
                .contains("St. Mary&#39;s &lt;Annex&gt;")
                .doesNotContain("<Annex>");
        assertThat(mail.subject()).contains("D'Souza's");
    }
}
