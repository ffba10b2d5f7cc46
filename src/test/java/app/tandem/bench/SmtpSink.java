package app.tandem.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

import org.slf4j.LoggerFactory;

import com.icegreen.greenmail.util.GreenMail;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import app.tandem.testsupport.LocalServers;

/**
 * The reminder burst's SMTP server, run in a JVM of its own ({@link SmtpSinkProcess} starts it), so the benchmark
 * JVM's CPU time is the sender's alone, as in production, where the mail server is never in Tandem's process.
 * <p>
 * The server is {@link PlainSmtpServer} (keeps only the outbox ids), or GreenMail with the argument
 * {@code greenmail} ({@code -Dbench.smtp=greenmail}). Prints {@code port N} once it listens, then answers one line per command on standard input:
 * {@code count MIN} gives {@code RECEIVED TWICE}, the copies received whose X-Tandem-Outbox-Id is above MIN and how
 * many of them were extra copies of an id already received; {@code purge} empties the mailboxes ({@code purged});
 * {@code quit} stops ({@code bye}). The end of standard input stops it too, so a benchmark JVM that dies leaves no
 * sink behind.
 */
final class SmtpSink {

    private SmtpSink() {
    }

    public static void main(String[] args) throws Exception {
        // Standard output carries the answers; anything else a library prints goes to standard error.
        PrintStream answers = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        System.setOut(System.err);
        // Without Spring Boot's logging set-up logback would log every SMTP command at debug level.
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        Server smtp = args.length > 0 && "greenmail".equals(args[0]) ? greenMail() : plain();
        try {
            answers.println("port " + smtp.port());
            BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String command;
            while ((command = commands.readLine()) != null) {
                String[] words = command.trim().split(" ");
                switch (words[0]) {
                    case "count" -> answers.println(smtp.count(Long.parseLong(words[1])));
                    case "purge" -> {
                        smtp.purge();
                        answers.println("purged");
                    }
                    case "quit" -> {
                        answers.println("bye");
                        return;
                    }
                    default -> answers.println("unknown command: " + command);
                }
            }
        } finally {
            smtp.stop();
        }
    }

    /** The server behind the commands: GreenMail, or a sink that keeps only the outbox ids. */
    private interface Server {
        int port();

        String count(long minOutboxId) throws Exception;

        void purge() throws Exception;

        void stop() throws Exception;
    }

    private static Server plain() throws java.io.IOException {
        PlainSmtpServer smtp = new PlainSmtpServer();
        return new Server() {
            public int port() {
                return smtp.port();
            }

            public String count(long minOutboxId) {
                int[] counted = smtp.count(minOutboxId);
                return counted[0] + " " + counted[1];
            }

            public void purge() {
                smtp.purge();
            }

            public void stop() throws Exception {
                smtp.close();
            }
        };
    }

    private static Server greenMail() {
        GreenMail smtp = LocalServers.smtp();
        return new Server() {
            public int port() {
                return smtp.getSmtp().getPort();
            }

            public String count(long minOutboxId) throws MessagingException {
                return SmtpSink.count(smtp, minOutboxId);
            }

            public void purge() throws Exception {
                smtp.purgeEmailFromAllMailboxes();
            }

            public void stop() {
                smtp.stop();
            }
        };
    }

    private static String count(GreenMail smtp, long minOutboxId) throws MessagingException {
        Set<String> seen = new HashSet<>();
        int received = 0;
        int twice = 0;
        for (MimeMessage message : smtp.getReceivedMessages()) {
            String id = message.getHeader("X-Tandem-Outbox-Id", null);
            if (id != null && Long.parseLong(id) > minOutboxId) {
                received++;
                if (!seen.add(id)) {
                    twice++;
                }
            }
        }
        return received + " " + twice;
    }
}
