package app.tandem.notify;

import java.util.Optional;

import org.springframework.stereotype.Component;

import app.tandem.directory.StaffDirectory;
import app.tandem.directory.StaffMember;

/**
 * A person's own choices on the preferences page: how task mail reaches them, kept here, and the language of their
 * pages and mail, kept on their staff record.
 */
@Component
public class StaffPreferences {

    private final NotificationPreferences preferences;
    private final StaffDirectory staff;

    StaffPreferences(NotificationPreferences preferences, StaffDirectory staff) {
        this.preferences = preferences;
        this.staff = staff;
    }

    /**
     * @param onStaff  whether the person has a staff record, and so an address and a language to choose
     * @param language the staff record's language; null without one
     */
    public record Choices(TaskPreferences tasks, boolean onStaff, String language) {
    }

    public Choices of(String username) {
        Optional<StaffMember> me = staff.byUsername(username);
        return new Choices(preferences.of(username), me.isPresent(),
                me.map(StaffMember::preferredLanguage).orElse(null));
    }

    public boolean onStaff(String username) {
        return staff.byUsername(username).isPresent();
    }

    public void save(String username, TaskPreferences tasks, String language) {
        preferences.save(username, tasks);
        staff.changeLanguage(username, language);
    }
}
