package app.tandem.program;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;

import app.tandem.directory.StaffDirectory;
import app.tandem.forms.SubmittedForm;
import app.tandem.system.DistrictClock;
import app.tandem.system.Messages;

/** What every meeting form shares: when it was held and who came. */
@Component
class MeetingRecorder {

    static final String HELD_ON = "heldOn";
    static final String ATTENDEES = "attendees";

    private final StaffDirectory staff;
    private final DistrictClock clock;
    private final Messages messages;

    MeetingRecorder(StaffDirectory staff, DistrictClock clock, Messages messages) {
        this.staff = staff;
        this.clock = clock;
        this.messages = messages;
    }

    /** The day a meeting was held: not in the future (at the school), and not before {@code earliest} when given. */
    LocalDate heldOn(SubmittedForm form, long schoolId, LocalDate earliest) {
        LocalDate heldOn = form.requiredDate(HELD_ON);
        if (heldOn.isAfter(clock.forSchool(schoolId).today())) {
            throw messages.invalid(HELD_ON, "invalid.inFuture", heldOn);
        }
        if (earliest != null && heldOn.isBefore(earliest)) {
            throw messages.invalid(HELD_ON, "invalid.before", earliest);
        }
        return heldOn;
    }

    /** Chosen staff from a checklist; anyone not on the school's staff is refused by name. */
    List<String> staffOfSchool(SubmittedForm form, String key, long schoolId) {
        List<String> chosen = form.choices(key);
        List<String> known = staff.keepThoseAtSchool(schoolId, chosen);
        for (String username : chosen) {
            if (!known.contains(username)) {
                throw messages.invalid(key, "invalid.notSchoolStaff", username);
            }
        }
        return chosen;
    }
}
