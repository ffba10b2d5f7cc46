package app.tandem.program;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import app.tandem.directory.StaffDirectory;
import app.tandem.forms.SubmittedForm;
import app.tandem.system.DistrictClock;
import app.tandem.system.Messages;

/** What every meeting form shares: when it was held, who came, and who recorded it. */
@Component
class MeetingRecorder {

    static final String HELD_ON = "heldOn";
    static final String ATTENDEES = "attendees";

    private final StaffDirectory staff;
    private final DistrictClock calendar;
    private final Messages messages;

    MeetingRecorder(StaffDirectory staff, DistrictClock calendar, Messages messages) {
        this.staff = staff;
        this.calendar = calendar;
        this.messages = messages;
    }

    /** The day a meeting was held: not in the future, and not before {@code earliest} when given. */
    LocalDate heldOn(SubmittedForm form, LocalDate earliest) {
        LocalDate heldOn = form.requiredDate(HELD_ON);
        if (heldOn.isAfter(calendar.today())) {
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

    String recordedBy(DelegateTask task) {
        Authentication authentication = task.getProcessEngineServices().getIdentityService()
                .getCurrentAuthentication();
        if (authentication != null && authentication.getUserId() != null) {
            return authentication.getUserId();
        }
        return task.getAssignee();
    }

    LocalDateTime now() {
        return LocalDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), calendar.zone());
    }
}
