package app.tandem.notify;

import java.io.IOException;

import org.eclipse.angus.mail.smtp.SMTPTransport;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;

/**
 * SMTP that lets the outbox mark a message sent just before the final "." of its data goes to the server: until
 * then the server has accepted nothing (a connection dropped mid-data delivers nothing), and once the mark is
 * committed a node killed at any moment cannot send the message again. The window left is the write of one line,
 * where a killed node loses the message instead of sending it twice. SmtpConnections opens every connection with it.
 */
public class SentMarkingTransport extends SMTPTransport {

    private static final ThreadLocal<Runnable> BEFORE_THE_END = new ThreadLocal<>();

    public SentMarkingTransport(Session session, URLName name) {
        super(session, name);
    }

    /** Sends with {@code beforeTheEnd} run just before the end of the data; if it throws, nothing is sent. */
    static void sendMarking(jakarta.mail.Transport transport, jakarta.mail.Message message, Runnable beforeTheEnd)
            throws MessagingException {
        BEFORE_THE_END.set(beforeTheEnd);
        try {
            transport.sendMessage(message, message.getAllRecipients());
        } finally {
            BEFORE_THE_END.remove();
        }
    }

    @Override
    protected void finishData() throws IOException, MessagingException {
        Runnable beforeTheEnd = BEFORE_THE_END.get();
        if (beforeTheEnd != null) {
            beforeTheEnd.run();
        }
        super.finishData();
    }
}
