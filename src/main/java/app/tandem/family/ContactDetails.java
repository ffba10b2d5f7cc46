package app.tandem.family;

import java.util.regex.Pattern;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/** What counts as a usable email address or phone number. */
public final class ContactDetails {

    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ().-]{7,25}");

    private ContactDetails() {
    }

    public static boolean isEmail(String text) {
        if (text == null || text.isBlank() || !text.contains("@")) {
            return false;
        }
        try {
            new InternetAddress(text.strip(), true).validate();
            return true;
        } catch (AddressException e) {
            return false;
        }
    }

    public static boolean isPhone(String text) {
        if (text == null || !PHONE.matcher(text.strip()).matches()) {
            return false;
        }
        long digits = text.chars().filter(Character::isDigit).count();
        return digits >= 7 && digits <= 15;
    }
}
