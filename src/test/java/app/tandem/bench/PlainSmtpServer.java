package app.tandem.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local SMTP server that accepts every message and keeps only its X-Tandem-Outbox-Id: what a mail relay does
 * with a message before it queues it, without parsing, storing or delivering it. GreenMail (the default of the
 * other tests) parses and keeps each message, and spent about 2 ms of CPU per reminder doing so, more than the
 * sending side; with it the burst measured the mail server. The bare sends go to the same server.
 */
final class PlainSmtpServer implements AutoCloseable {

    private static final String OUTBOX_HEADER = "x-tandem-outbox-id:";

    private final ServerSocket socket;
    private final Map<Long, AtomicInteger> copies = new ConcurrentHashMap<>();
    private volatile boolean open = true;

    PlainSmtpServer() throws IOException {
        socket = new ServerSocket(0, 64, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "plain-smtp-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    /** @return the copies received whose outbox id is above {@code minOutboxId}, and how many were second copies */
    int[] count(long minOutboxId) {
        int all = 0;
        int twice = 0;
        for (Map.Entry<Long, AtomicInteger> entry : copies.entrySet()) {
            if (entry.getKey() > minOutboxId) {
                all += entry.getValue().get();
                twice += entry.getValue().get() - 1;
            }
        }
        return new int[] {all, twice};
    }

    void purge() {
        copies.clear();
    }

    private void accept() {
        while (open) {
            try {
                Socket connection = socket.accept();
                Thread session = new Thread(() -> converse(connection), "plain-smtp-session");
                session.setDaemon(true);
                session.start();
            } catch (IOException e) {
                if (open) {
                    System.err.println("plain SMTP server: " + e);
                }
            }
        }
    }

    private void converse(Socket connection) {
        try (connection;
             BufferedReader in = new BufferedReader(new InputStreamReader(connection.getInputStream(),
                     StandardCharsets.ISO_8859_1), 65_536);
             OutputStream out = connection.getOutputStream()) {
            reply(out, "220 bench SMTP sink");
            String line;
            while ((line = in.readLine()) != null) {
                String verb = line.length() < 4 ? line.toUpperCase(Locale.ROOT)
                        : line.substring(0, 4).toUpperCase(Locale.ROOT);
                switch (verb) {
                    case "EHLO" -> reply(out, "250-bench\r\n250-8BITMIME\r\n250 SMTPUTF8");
                    case "DATA" -> {
                        reply(out, "354 end with <CRLF>.<CRLF>");
                        readMessage(in);
                        reply(out, "250 queued");
                    }
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    default -> reply(out, "250 OK");
                }
            }
        } catch (IOException e) {
            // The client went away (a node stopped): nothing to keep.
        }
    }

    private void readMessage(BufferedReader in) throws IOException {
        boolean headers = true;
        String line;
        while ((line = in.readLine()) != null && !line.equals(".")) {
            if (headers) {
                if (line.isEmpty()) {
                    headers = false;
                } else if (line.length() > OUTBOX_HEADER.length()
                        && line.regionMatches(true, 0, OUTBOX_HEADER, 0, OUTBOX_HEADER.length())) {
                    long id = Long.parseLong(line.substring(OUTBOX_HEADER.length()).trim());
                    copies.computeIfAbsent(id, key -> new AtomicInteger()).incrementAndGet();
                }
            }
        }
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        open = false;
        socket.close();
    }
}
