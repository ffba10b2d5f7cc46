package app.tandem.notify;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.internet.MimeMessage;

/**
 * An SMTP server inside Tandem (GreenMail), so a fresh machine can send and show mail with nothing
 * installed. Never in the prod profile. Stopping and starting it keeps its port, so messages queued
 * meanwhile go out to the same place once it is back. When Tandem reads a replies mailbox, the server
 * also serves it over IMAP, delivering plus-addressed mail (replies+TOKEN@...) to it as a real mailbox would.
 */
@Component
@Profile("!prod")
@ConditionalOnProperty(name = "tandem.mail.embedded.enabled", havingValue = "true")
public class EmbeddedMailServer implements DisposableBean {

    static final String BIND_ADDRESS = "127.0.0.1";
    private static final long STARTUP_TIMEOUT_MS = 30_000;
    private static final Logger log = LoggerFactory.getLogger(EmbeddedMailServer.class);

    private final InboxSettings inbox;
    private GreenMail server;
    private int port;
    private int imapPort;

    EmbeddedMailServer(MailSettings settings, InboxSettings inbox) {
        this.inbox = inbox;
        server = greenMail(settings.embedded().port(), settings.embedded().imapPort());
        server.start();
        port = server.getSmtp().getPort();
        imapPort = server.getImap() == null ? 0 : server.getImap().getPort();
        log.info("Embedded SMTP server listening on {}:{}", BIND_ADDRESS, port);
    }

    private GreenMail greenMail(int smtpPort, int imapPort) {
        if (!inbox.enabled()) {
            return new GreenMail(setup(smtpPort, ServerSetup.PROTOCOL_SMTP));
        }
        GreenMail mail = new GreenMail(new ServerSetup[] {setup(smtpPort, ServerSetup.PROTOCOL_SMTP),
                setup(imapPort, ServerSetup.PROTOCOL_IMAP)});
        mail.withConfiguration(GreenMailConfiguration.aConfig().withSieveIgnoreDetail()
                .withUser(inbox.address(), inbox.username(), inbox.password()));
        return mail;
    }

    /**
     * GreenMail gives up after 2 s by default; a busy two-core machine (a first build, a test suite) has taken
     * longer to open a socket than that.
     */
    private static ServerSetup setup(int port, String protocol) {
        ServerSetup setup = new ServerSetup(port, BIND_ADDRESS, protocol);
        setup.setServerStartupTimeout(STARTUP_TIMEOUT_MS);
        return port == 0 ? setup.dynamicPort() : setup;
    }

    public int port() {
        return port;
    }

    /** Where the replies mailbox is served over IMAP; 0 when Tandem reads no replies mailbox. */
    public int imapPort() {
        return imapPort;
    }

    public synchronized boolean isRunning() {
        return server.isRunning();
    }

    public synchronized void stop() {
        server.stop();
    }

    /**
     * Starts again on the same port, with an empty mailbox. The port was free a moment ago but is in the
     * ephemeral range: a connection opened meanwhile may hold it as its local port for a while (a test suite
     * saw "Address already in use" once), so binding is tried again for up to ten seconds.
     */
    public synchronized void start() {
        for (int attempt = 1; !server.isRunning(); attempt++) {
            server = greenMail(port, imapPort);
            try {
                server.start();
            } catch (IllegalStateException portTaken) {
                server.stop();
                if (attempt >= 20) {
                    throw portTaken;
                }
                log.warn("The embedded mail server could not bind port {} yet; trying again", port);
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw portTaken;
                }
            }
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
