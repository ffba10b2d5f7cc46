package app.tandem.campaign;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.stereotype.Component;

import app.tandem.directory.StaffDirectory;
import app.tandem.directory.StaffMember;
import app.tandem.system.InvalidInputException;
import app.tandem.system.Messages;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/** The checks the campaign's pages and forms share; each refusal names its field. */
@Component
public class Checks {

    /** The languages Tandem writes in. */
    public static final List<String> LANGUAGES = List.of("en", "es");

    private final Messages messages;
    private final StaffDirectory staff;

    Checks(Messages messages, StaffDirectory staff) {
        this.messages = messages;
        this.staff = staff;
    }

    public InvalidInputException invalid(String field, String code, Object... args) {
        return messages.invalid(field, code, args);
    }

    String required(String field, String value, int maxLength) {
        String text = optional(field, value, maxLength);
        if (text == null) {
            throw invalid(field, "invalid.required");
        }
        return text;
    }

    String optional(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        if (text.length() > maxLength) {
            throw invalid(field, "invalid.tooLong", maxLength);
        }
        return text;
    }

    <E> E choice(String field, String value, Function<String, Optional<E>> byCode) {
        if (value == null || value.isBlank()) {
            throw invalid(field, "invalid.required");
        }
        return byCode.apply(value.strip()).orElseThrow(() -> invalid(field, "invalid.option", value));
    }

    String language(String field, String value) {
        if (value == null || value.isBlank()) {
            throw invalid(field, "invalid.required");
        }
        if (!LANGUAGES.contains(value.strip())) {
            throw invalid(field, "invalid.option", value);
        }
        return value.strip();
    }

    String email(String field, String value, boolean required) {
        String address = required ? required(field, value, 254) : optional(field, value, 254);
        if (address == null) {
            return null;
        }
        try {
            new InternetAddress(address, true).validate();
        } catch (AddressException e) {
            throw invalid(field, "invalid.emailAddress", address);
        }
        if (!address.contains("@")) {
            throw invalid(field, "invalid.emailAddress", address);
        }
        return address;
    }

    LocalDate date(String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw invalid(field, "invalid.required");
            }
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw invalid(field, "invalid.date", value);
        }
    }

    /** A person on the district's staff, by username. */
    StaffMember staffOf(String field, String username, long districtId) {
        if (username == null || username.isBlank()) {
            throw invalid(field, "invalid.required");
        }
        return staff.byUsername(username.strip())
                .filter(member -> member.districtId() == districtId)
                .orElseThrow(() -> invalid(field, "campaign.invalid.notDistrictStaff", username));
    }
}
