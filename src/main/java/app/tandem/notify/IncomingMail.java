package app.tandem.notify;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.unbescape.html.HtmlEscape;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/** What Tandem reads of a mail from the replies mailbox: who, to which addresses, in answer to what, and its text. */
record IncomingMail(String messageId, String fromAddress, String fromName, List<String> recipients,
                    List<String> answers, String subject, String text) {

    private static final int LONGEST_TEXT = 20_000;

    static IncomingMail of(MimeMessage mail) throws MessagingException, IOException {
        InternetAddress from = null;
        Address[] senders = mail.getFrom();
        if (senders != null && senders.length > 0 && senders[0] instanceof InternetAddress internet) {
            from = internet;
        }
        List<String> recipients = new ArrayList<>();
        Address[] all = mail.getAllRecipients();
        if (all != null) {
            for (Address address : all) {
                if (address instanceof InternetAddress internet) {
                    recipients.add(internet.getAddress());
                }
            }
        }
        for (String header : List.of("Delivered-To", "X-Original-To")) {
            String[] values = mail.getHeader(header);
            if (values != null) {
                recipients.addAll(List.of(values));
            }
        }
        List<String> answers = new ArrayList<>();
        for (String header : List.of("In-Reply-To", "References")) {
            String value = mail.getHeader(header, " ");
            if (value != null) {
                for (String id : value.trim().split("\\s+")) {
                    if (!id.isBlank()) {
                        answers.add(id.strip());
                    }
                }
            }
        }
        String text = text(mail);
        String messageId = mail.getMessageID();
        return new IncomingMail(messageId == null || messageId.isBlank() ? fingerprint(mail) : messageId.strip(),
                from == null ? null : from.getAddress(), from == null ? null : from.getPersonal(),
                recipients, answers, mail.getSubject() == null ? "" : mail.getSubject().strip(),
                text.length() > LONGEST_TEXT ? text.substring(0, LONGEST_TEXT) : text);
    }

    /** The plain text part, or the HTML part without its markup. */
    private static String text(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            return String.valueOf(part.getContent()).strip();
        }
        if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
            String html = null;
            for (int i = 0; i < multipart.getCount(); i++) {
                Part inner = multipart.getBodyPart(i);
                if (Part.ATTACHMENT.equalsIgnoreCase(inner.getDisposition())) {
                    continue;
                }
                String found = text(inner);
                if (inner.isMimeType("text/html") || inner.isMimeType("multipart/*") && found.isEmpty()) {
                    html = html == null ? found : html;
                } else if (!found.isEmpty()) {
                    return found;
                }
            }
            return html == null ? "" : html;
        }
        if (part.isMimeType("text/html")) {
            String html = String.valueOf(part.getContent());
            return HtmlEscape.unescapeHtml(html.replaceAll("(?is)<(script|style)[^>]*>.*?</\\1>", "")
                    .replaceAll("(?i)<br\\s*/?>|</p>|</div>", "\n").replaceAll("<[^>]+>", "")).strip();
        }
        return "";
    }

    /** A mail without a Message-ID is known by a hash of its bytes, so it is still handled once. */
    private static String fingerprint(MimeMessage mail) throws MessagingException, IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        mail.writeTo(raw);
        try {
            return "<sha256-" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw.toByteArray()))
                    + "@tandem>";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    boolean asksToUnsubscribe() {
        return "unsubscribe".equalsIgnoreCase(subject.strip());
    }
}
