package app.tandem.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * Servers a test starts beside Tandem: each on a free port and given time to start, because a busy two-core
 * machine (a first build, the suite under load) has taken longer than GreenMail's default 2 s to open a socket.
 */
public final class LocalServers {

    public static final long STARTUP_TIMEOUT_MS = 30_000;

    private LocalServers() {
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port", e);
        }
    }

    /** An SMTP server on a free port of 127.0.0.1, started. */
    public static GreenMail smtp() {
        ServerSetup setup = new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        setup.setServerStartupTimeout(STARTUP_TIMEOUT_MS);
        GreenMail smtp = new GreenMail(setup);
        smtp.start();
        return smtp;
    }
}
