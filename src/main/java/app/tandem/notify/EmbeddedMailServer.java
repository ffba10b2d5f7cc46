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
    private static final long STARTUP_TIMEOUT_MS = 30_000;
    private static final Logger log = LoggerFactory.getLogger(EmbeddedMailServer.class);

    private GreenMail server;
    private int port;

    EmbeddedMailServer(MailSettings settings) {
        ServerSetup setup = setup(settings.embedded().port());
        server = new GreenMail(settings.embedded().port() == 0 ? setup.dynamicPort() : setup);
        server.start();
        port = server.getSmtp().getPort();
        log.info("Embedded SMTP server listening on {}:{}", BIND_ADDRESS, port);
    }

    /**
     * GreenMail gives up after 2 s by default; a busy two-core machine (a first build, a test suite) has taken
     * longer to open a socket than that.
     */
    private static ServerSetup setup(int port) {
        ServerSetup setup = new ServerSetup(port, BIND_ADDRESS, ServerSetup.PROTOCOL_SMTP);
        setup.setServerStartupTimeout(STARTUP_TIMEOUT_MS);
        return setup;
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
            server = new GreenMail(setup(port));
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
