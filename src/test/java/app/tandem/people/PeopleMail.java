package app.tandem.people;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;

/** Reads what a person would click in a mail: its plain text and the password link in it. */
public final class PeopleMail {

    private static final Pattern LINK = Pattern.compile("https?://\\S+/welcome/([A-Za-z0-9_-]+)");

    private PeopleMail() {
    }

    /** The plain-text part of a mail. */
    public static String text(Part part) {
        try {
            if (part.isMimeType("text/plain")) {
                return (String) part.getContent();
            }
            if (part.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    String found = text(child);
                    if (found != null) {
                        return found;
                    }
                }
            }
            return null;
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The secret of the mail's /welcome/ link. */
    static String secret(Part mail) {
        Matcher link = LINK.matcher(text(mail));
        if (!link.find()) {
            throw new AssertionError("No password link in: " + text(mail));
        }
        return link.group(1);
    }
}
