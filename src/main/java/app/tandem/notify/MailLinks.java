package app.tandem.notify;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import app.tandem.system.SigningKey;
import app.tandem.system.SigningKeys;
import app.tandem.system.TandemProperties;

/**
 * The signed parts of family mail, each naming one outbox message and no person: the unsubscribe link
 * ({@code /unsubscribe/ID-SIGNATURE}) and the reply address ({@code replies+ID-SIGNATURE@domain}). A changed
 * id or signature matches nothing. Signatures are lower case, as mail servers may lower an address.
 */
@Component
public class MailLinks {

    /** Where a family template puts the unsubscribe link; the link is made when the message is sent. */
    public static final String UNSUBSCRIBE_PLACE = "https://tandem.invalid/unsubscribe-link-made-when-sent";

    private static final Pattern TOKEN = Pattern.compile("(\\d{1,18})-([a-z2-7]{24})");
    private static final Pattern REPLY_TAG = Pattern.compile("[^+@\\s]+\\+(\\d{1,18}-[a-z2-7]{24})@.+");

    private final SigningKeys keys;
    private final String configured;
    private final TandemProperties properties;
    private final InboxSettings inbox;

    MailLinks(SigningKeys keys, MailSettings mail, TandemProperties properties, InboxSettings inbox) {
        this.keys = keys;
        this.configured = SigningKeys.checked(mail.linkSecret(), "tandem.mail.link-secret (TANDEM_MAIL_LINK_SECRET)");
        this.properties = properties;
        this.inbox = inbox;
    }

    public String unsubscribeUrl(long outboxMessageId) {
        return properties.publicUrl() + "/unsubscribe/" + token("unsubscribe", outboxMessageId);
    }

    /** The outbox message an unsubscribe token names, when its signature holds. */
    public Optional<Long> unsubscribing(String token) {
        return verified("unsubscribe", token);
    }

    /** The address a family's reply to this message goes to; empty without a replies mailbox. */
    Optional<String> replyAddress(long outboxMessageId) {
        if (!inbox.enabled() || !inbox.hasAddress()) {
            return Optional.empty();
        }
        int at = inbox.address().lastIndexOf('@');
        return Optional.of(inbox.address().substring(0, at) + "+" + token("reply", outboxMessageId)
                + inbox.address().substring(at));
    }

    /** The outbox message a reply address names, when it is one and its signature holds. */
    Optional<Long> replyingTo(String address) {
        Matcher matcher = REPLY_TAG.matcher(address == null ? "" : address.strip().toLowerCase(Locale.ROOT));
        return matcher.matches() ? verified("reply", matcher.group(1)) : Optional.empty();
    }

    private String token(String purpose, long id) {
        return id + "-" + key().shortSignature(purpose + ":" + id);
    }

    private Optional<Long> verified(String purpose, String token) {
        Matcher matcher = TOKEN.matcher(token == null ? "" : token);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        long id = Long.parseLong(matcher.group(1));
        return SigningKey.same(key().shortSignature(purpose + ":" + id), matcher.group(2)) ? Optional.of(id)
                : Optional.empty();
    }

    private SigningKey key() {
        return keys.key("family-mail-link", configured);
    }
}
