package app.tandem.notify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A tiny SMTP server for the failures GreenMail cannot play: it answers the end of DATA with 451,
 * refuses the recipient with 550, or accepts slowly. It stands in on the embedded server's port
 * while that is stopped.
 */
public class ScriptedSmtpServer implements AutoCloseable {

    public enum Answer { DEFER_DATA, REFUSE_RECIPIENT, ACCEPT_SLOWLY }

    private final ServerSocket socket;
    private final Answer answer;
    private final long holdMillis;
    private final List<String> accepted = new CopyOnWriteArrayList<>();
    private final List<Socket> clients = new CopyOnWriteArrayList<>();

    public ScriptedSmtpServer(int port, Answer answer, long holdMillis) throws IOException {
        this.answer = answer;
        this.holdMillis = holdMillis;
        this.socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        Thread acceptor = new Thread(this::acceptAll, "scripted-smtp-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The messages it accepted, as raw text. */
    public List<String> accepted() {
        return accepted;
    }

    private void acceptAll() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                clients.add(client);
                Thread session = new Thread(() -> converse(client), "scripted-smtp-session");
                session.setDaemon(true);
                session.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void converse(Socket client) {
        try (client;
             BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
             OutputStream out = client.getOutputStream()) {
            reply(out, "220 scripted.test ESMTP");
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                switch (command) {
                    case "EHLO", "HELO" -> reply(out, "250 scripted.test");
                    case "MAIL", "RSET", "NOOP" -> reply(out, "250 OK");
                    case "RCPT" -> reply(out, answer == Answer.REFUSE_RECIPIENT
                            ? "550 5.1.1 " + line.substring(line.indexOf('<')) + ": Recipient address rejected: User unknown"
                            : "250 OK");
                    case "DATA" -> {
                        reply(out, "354 End data with <CR><LF>.<CR><LF>");
                        StringBuilder data = new StringBuilder();
                        String dataLine;
                        while ((dataLine = in.readLine()) != null && !dataLine.equals(".")) {
                            data.append(dataLine).append('\n');
                        }
                        if (answer == Answer.DEFER_DATA) {
                            reply(out, "451 4.3.0 Temporary local problem, try again later");
                        } else {
                            Thread.sleep(holdMillis);
                            accepted.add(data.toString());
                            reply(out, "250 OK queued");
                        }
                    }
                    case "QUIT" -> {
                        reply(out, "221 Bye");
                        return;
                    }
                    default -> reply(out, "502 Command not implemented");
                }
            }
        } catch (IOException | InterruptedException ended) {
            // the client went away
        }
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
        for (Socket client : clients) {
            client.close();
        }
    }
}
