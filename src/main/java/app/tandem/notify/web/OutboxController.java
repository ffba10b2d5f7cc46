package app.tandem.notify.web;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.runtime.Incident;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.tandem.directory.Viewer;
import app.tandem.notify.EmbeddedMailServer;
import app.tandem.notify.MailServerHealth;
import app.tandem.notify.MessageKind;
import app.tandem.notify.Outbox;
import app.tandem.notify.OutboxMessage;
import app.tandem.notify.OutboxStatus;
import app.tandem.system.Messages;
import app.tandem.system.Formats;
import app.tandem.system.Paged;

/** The outbox for managers and operators: every message, its state, its body, and "retry now". */
@Controller
class OutboxController {

    static final String STUCK = "STUCK";
    /** Rows on one page of the outbox. */
    private static final int PAGE = 50;
    /** The stored HTML is shown on its own, with no scripts, no remote content and nothing else of Tandem's. */
    static final String HTML_BODY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox";

    private final Outbox outbox;
    private final ObjectProvider<EmbeddedMailServer> mailServer;
    private final MailServerHealth relay;
    private final Messages messages;
    private final Formats formats;

    OutboxController(Outbox outbox, ObjectProvider<EmbeddedMailServer> mailServer, MailServerHealth relay,
                     Messages messages, Formats formats) {
        this.outbox = outbox;
        this.mailServer = mailServer;
        this.relay = relay;
        this.messages = messages;
        this.formats = formats;
    }

    record Row(long id, String queuedAt, String to, String address, String subject, String kind, String status,
               boolean attention, int attempts) {
    }

    @GetMapping("/outbox")
    String list(@RequestParam(required = false) String status, @RequestParam(required = false) String kind,
                @RequestParam(required = false) String recipient, @RequestParam(defaultValue = "1") int page,
                Viewer who, Model model) {
        StaffOnly.requireOutboxReader(who);
        boolean stuckOnly = STUCK.equals(status);
        OutboxStatus statusFilter = stuckOnly ? null : parse(OutboxStatus.class, status);
        MessageKind kindFilter = parse(MessageKind.class, kind);
        Set<String> stuck = Set.copyOf(outbox.stuckProcessInstances());
        Paged<Row> rows = outbox.page(statusFilter, kindFilter, recipient, stuckOnly, page, PAGE)
                .map(m -> row(m, m.processInstanceId() != null && stuck.contains(m.processInstanceId())));
        model.addAttribute("rows", rows.rows());
        model.addAttribute("paged", rows);
        model.addAttribute("statuses", OutboxStatus.values());
        model.addAttribute("kinds", MessageKind.values());
        model.addAttribute("status", stuckOnly ? STUCK : statusFilter == null ? "" : statusFilter.name());
        model.addAttribute("kind", kindFilter == null ? "" : kindFilter.name());
        model.addAttribute("recipient", recipient == null ? "" : recipient);
        model.addAttribute("mailServer", mailServer.getIfAvailable());
        model.addAttribute("relayUnreachable", relay.unreachableBecause());
        return "notify/outbox";
    }

    @GetMapping("/outbox/{id}")
    String message(@PathVariable long id, Viewer who, Model model) {
        StaffOnly.requireOutboxReader(who);
        OutboxMessage message = find(id);
        Optional<Incident> incident = outbox.incidentOf(message);
        Optional<Outbox.PendingSend> pending = outbox.pendingSend(message);
        model.addAttribute("message", message);
        model.addAttribute("row", row(message, incident.isPresent()));
        model.addAttribute("sentAt", format(message.sentAt()));
        model.addAttribute("lastAttemptAt", format(message.lastAttemptAt()));
        model.addAttribute("incident", incident.map(Incident::getIncidentMessage).orElse(null));
        model.addAttribute("nextAttempt", pending.filter(p -> p.retriesLeft() > 0).map(Outbox.PendingSend::nextAttemptAt)
                .map(this::format).orElse(null));
        model.addAttribute("retriesLeft", pending.map(Outbox.PendingSend::retriesLeft).orElse(null));
        model.addAttribute("retryable", pending.isPresent());
        return "notify/outbox-message";
    }

    @GetMapping(value = "/outbox/{id}/html", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> html(@PathVariable long id, Viewer who) {
        StaffOnly.requireOutboxReader(who);
        return ResponseEntity.ok()
                .header("Content-Security-Policy", HTML_BODY_POLICY)
                .header(HttpHeaders.CONTENT_TYPE, "text/html;charset=UTF-8")
                .body(find(id).bodyHtml());
    }

    @PostMapping("/outbox/{id}/retry")
    String retry(@PathVariable long id, Viewer who, RedirectAttributes redirect) {
        StaffOnly.requireOutboxReader(who);
        find(id);
        boolean retried = outbox.retryNow(id);
        redirect.addFlashAttribute(retried ? "notice" : "problem",
                messages.text(retried ? "outbox.retried" : "outbox.notRetried", id));
        return "redirect:/outbox/" + id;
    }

    @PostMapping("/outbox/mail-server")
    String mailServer(@RequestParam String action, Viewer who) {
        StaffOnly.requireOutboxReader(who);
        EmbeddedMailServer server = mailServer.getIfAvailable();
        if (server == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        if ("stop".equals(action)) {
            server.stop();
        } else if ("start".equals(action)) {
            server.start();
        }
        return "redirect:/outbox";
    }

    private OutboxMessage find(long id) {
        return outbox.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private Row row(OutboxMessage m, boolean stuck) {
        boolean incident = stuck && m.status() != OutboxStatus.SENT;
        String status = incident ? "outbox.status.stuck" : m.status().messageKey();
        boolean attention = incident || m.status() == OutboxStatus.REFUSED;
        return new Row(m.id(), format(m.createdAt()), m.recipientName() == null ? m.recipientAddress() : m.recipientName(),
                m.recipientAddress(), m.subject(), m.kind().messageKey(), status, attention, m.attempts());
    }

    private String format(Instant moment) {
        return moment == null ? null : formats.moment(moment);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(value.toUpperCase(Locale.ROOT)))
                .findFirst().orElse(null);
    }
}
