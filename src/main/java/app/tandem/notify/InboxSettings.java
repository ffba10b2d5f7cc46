package app.tandem.notify;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The mailbox families' replies arrive in (IMAP). Family mail says Reply-To {@code local+TOKEN@domain} of
 * {@code address}, so the mailbox must take plus-addressed mail (most providers do).
 *
 * @param enabled   read the mailbox at all
 * @param address   the replies address, such as replies@district.org
 * @param host      the IMAP server (ignored while the embedded mail server runs: it serves the mailbox itself)
 * @param ssl       IMAPS (implicit TLS, usually port 993) rather than plain IMAP
 * @param folder    the folder read, usually INBOX; mail read is flagged seen and deleted
 * @param pollEvery how often each node looks for new mail
 */
@ConfigurationProperties("tandem.mail.inbox")
public record InboxSettings(boolean enabled, String address, String host, int port, String username, String password,
                            boolean ssl, String folder, Duration pollEvery) {

    public boolean hasAddress() {
        return address != null && address.contains("@");
    }
}
