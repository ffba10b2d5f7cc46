package app.tandem.notify;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.internet.MimeMessage;

/**
 * An SMTP server inside Tandem (GreenMail), so a fresh machine can send and show mail with nothing
 * installed. Never in the prod profile. Stopping and starting it keeps its port, so messages queued
 * meanwhile go out to the same place once it is back.
 */
@Component
@Profile("!prod")
@ConditionalOnProperty(name = "tandem.mail.embedded.enabled", havingValue = "true")
public class EmbeddedMailServer implements DisposableBean {

    static final String BIND_ADDRESS = "127.0.0.1";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedMailServer.class);

    private GreenMail server;
    private int port;

    EmbeddedMailServer(MailSettings settings) {
        ServerSetup setup = new ServerSetup(settings.embedded().port(), BIND_ADDRESS, ServerSetup.PROTOCOL_SMTP);
        server = new GreenMail(settings.embedded().port() == 0 ? setup.dynamicPort() : setup);
        server.start();
        port = server.getSmtp().getPort();
        log.info("Embedded SMTP server listening on {}:{}", BIND_ADDRESS, port);
    }

    public int port() {
        return port;
    }

    public synchronized boolean isRunning() {
        return server.isRunning();
    }

    public synchronized void stop() {
        server.stop();
    }

    /** Starts again on the same port, with an empty mailbox. */
    public synchronized void start() {
        if (!server.isRunning()) {
            server = new GreenMail(new ServerSetup(port, BIND_ADDRESS, ServerSetup.PROTOCOL_SMTP));
            server.start();
        }
    }

    public synchronized MimeMessage[] receivedMessages() {
        return server.getReceivedMessages();
    }

    public synchronized void clear() {
        try {
            server.purgeEmailFromAllMailboxes();
        } catch (Exception e) {
            throw new IllegalStateException("Could not empty the embedded mailboxes", e);
        }
    }

    @Override
    public synchronized void destroy() {
        server.stop();
    }
}
