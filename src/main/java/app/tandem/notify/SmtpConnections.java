package app.tandem.notify;

import java.util.Properties;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.regex.Pattern;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.util.MailStreamProvider;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

import jakarta.mail.MessagingException;
import jakarta.mail.Provider;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.MimeMessage;

/**
 * Sends over SMTP, keeping a few connections open between messages: a burst of thousands of
 * reminders then costs one TCP and EHLO handshake per connection, not per message. A pooled
 * connection is checked with NOOP before reuse, and any failure closes it.
 */
@Component
class SmtpConnections implements DisposableBean {

    private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";
    private static final Provider SENT_MARKING = new Provider(Provider.Type.TRANSPORT, "smtp",
            SentMarkingTransport.class.getName(), "Tandem", null);
    private static final Pattern ADDRESS = Pattern.compile("[^\\s<>\"';,:]+@[^\\s<>\"';,:]+");

    private final MailSettings settings;
    private final ObjectProvider<EmbeddedMailServer> embedded;
    private final Session session;
    private final JavaMailSenderImpl messages;
    private final BlockingDeque<Transport> idle;

    SmtpConnections(MailSettings settings, ObjectProvider<EmbeddedMailServer> embedded) {
        // Jakarta Mail looks its stream provider up with a ServiceLoader, a scan of every jar, each
        // time a message or multipart is built (jakartaee/mail-api#861, open); named here, it is one
        // class look-up. A burst of reminders spent most of its sending time in that scan.
        if (System.getProperty(STREAM_PROVIDER) == null) {
            System.setProperty(STREAM_PROVIDER, MailStreamProvider.class.getName());
        }
        this.settings = settings;
        this.embedded = embedded;
        this.idle = new LinkedBlockingDeque<>(Math.max(1, settings.poolSize()));
        Properties properties = new Properties();
        properties.put("mail.transport.protocol", "smtp");
        properties.put("mail.smtp.connectiontimeout", String.valueOf(settings.connectTimeout().toMillis()));
        properties.put("mail.smtp.timeout", String.valueOf(settings.readTimeout().toMillis()));
        properties.put("mail.smtp.writetimeout", String.valueOf(settings.writeTimeout().toMillis()));
        properties.put("mail.smtp.from", settings.from());
        if (settings.username() != null && !settings.username().isBlank()) {
            properties.put("mail.smtp.auth", "true");
        }
        if (settings.startTls()) {
            properties.put("mail.smtp.starttls.enable", "true");
            properties.put("mail.smtp.starttls.required", "true");
        }
        this.session = Session.getInstance(properties);
        this.messages = new JavaMailSenderImpl();
        this.messages.setSession(session);
    }

    /**
     * A new message for this server. Made by Spring's mail sender, which keeps one file-type map for
     * all its messages: a message made directly gets one of its own, read from the class path's
     * mime.types files each time (a quarter of a reminder burst's send time, profiled).
     */
    MimeMessage newMessage() {
        return messages.createMimeMessage();
    }

    void send(MimeMessage message) throws DeliveryFailure {
        send(message, () -> { });
    }

    /**
     * Sends, running {@code beforeTheEnd} just before the end of the message goes to the server (see
     * {@link SentMarkingTransport}); when it throws, the connection is dropped and nothing is sent.
     */
    void send(MimeMessage message, Runnable beforeTheEnd) throws DeliveryFailure {
        Transport transport = borrow();
        boolean healthy = false;
        try {
            message.saveChanges();
            SentMarkingTransport.sendMarking(transport, message, beforeTheEnd);
            healthy = true;
        } catch (MessagingException e) {
            throw classify(e);
        } finally {
            if (healthy && idle.offerFirst(transport)) {
                transport = null;
            }
            closeQuietly(transport);
        }
    }

    private Transport borrow() throws DeliveryFailure {
        Transport pooled;
        while ((pooled = idle.pollFirst()) != null) {
            if (pooled.isConnected()) {
                return pooled;
            }
            closeQuietly(pooled);
        }
        try {
            Transport transport = session.getTransport(SENT_MARKING);
            boolean inside = embedded.getIfAvailable() != null;
            String host = inside ? EmbeddedMailServer.BIND_ADDRESS : settings.host();
            int port = inside ? embedded.getObject().port() : settings.port();
            transport.connect(host, port, blankToNull(settings.username()), blankToNull(settings.password()));
            return transport;
        } catch (MessagingException e) {
            throw classify(e);
        }
    }

    /** Opens and closes one connection: whether the mail server answers now. */
    void check() throws DeliveryFailure {
        Transport transport = borrow();
        if (!idle.offerFirst(transport)) {
            closeQuietly(transport);
        }
    }

    /** 5xx replies about the recipient and malformed addresses are permanent; all else may pass. */
    static DeliveryFailure classify(MessagingException failure) {
        Integer code = null;
        boolean senderRefused = false;
        boolean badAddress = false;
        String reply = null;
        for (Throwable t = failure; t != null; t = next(t)) {
            if (t instanceof SMTPSenderFailedException sender) {
                senderRefused = true;
                code = sender.getReturnCode();
                reply = sender.getMessage();
            } else if (t instanceof SMTPAddressFailedException address && code == null) {
                code = address.getReturnCode();
                reply = address.getMessage();
            } else if (t instanceof SMTPSendFailedException send && code == null) {
                code = send.getReturnCode();
                reply = send.getMessage();
            } else if (t instanceof AddressException) {
                badAddress = true;
            }
        }
        if (badAddress) {
            return new DeliveryFailure(true, "The address is not a valid email address.", null);
        }
        if (code != null) {
            boolean permanent = code >= 500 && !senderRefused;
            return new DeliveryFailure(permanent, clean("SMTP " + code + ": " + reply), null);
        }
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String what = root == failure ? failure.getMessage() : failure.getMessage() + " (" + root + ")";
        return new DeliveryFailure(false, clean("Mail server unreachable: " + what), null);
    }

    private static Throwable next(Throwable t) {
        if (t instanceof MessagingException m && m.getNextException() != null && m.getNextException() != t) {
            return m.getNextException();
        }
        return t.getCause() == t ? null : t.getCause();
    }

    /** Server replies often echo the address; the reason is shown on pages and stored, so it goes. */
    static String clean(String text) {
        String cleaned = ADDRESS.matcher(String.valueOf(text)).replaceAll("<recipient>").replaceAll("\\s+", " ").strip();
        return cleaned.length() > 500 ? cleaned.substring(0, 500) : cleaned;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static void closeQuietly(Transport transport) {
        if (transport != null) {
            try {
                transport.close();
            } catch (MessagingException ignored) {
                // a connection that cannot even close cleanly is gone either way
            }
        }
    }

    @Override
    public void destroy() {
        Transport transport;
        while ((transport = idle.pollFirst()) != null) {
            closeQuietly(transport);
        }
    }
}
