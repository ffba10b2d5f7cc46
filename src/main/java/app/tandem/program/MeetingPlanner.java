package app.tandem.program;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import app.tandem.directory.Role;
import app.tandem.directory.StaffDirectory;
import app.tandem.directory.StaffMember;
import app.tandem.directory.TutoringProviders;
import app.tandem.forms.SubmittedForm;
import app.tandem.notify.MeetingInvitations;
import app.tandem.system.DistrictClock;
import app.tandem.system.Messages;

/**
 * What every scheduling form shares: the meeting's day, start time, length and place or video link, read and
 * checked; the plan kept beside the milestone; the invitees sent their calendar invitations (an update when
 * something about the meeting changed).
 */
@Component
class MeetingPlanner {

    static final String START_TIME = "startTime";
    static final String LENGTH_MINUTES = "lengthMinutes";
    static final String PLACE = "place";
    static final String VIDEO_LINK = "videoLink";
    static final String INVITEES = "invitees";

    private static final int LONGEST_MEETING = 8 * 60;

    private final DistrictClock clock;
    private final Messages messages;
    private final StaffDirectory staff;
    private final Milestones milestones;
    private final MeetingInvitations invitations;
    private final TutoringProviders providers;

    MeetingPlanner(DistrictClock clock, Messages messages, StaffDirectory staff, Milestones milestones,
                   MeetingInvitations invitations, TutoringProviders providers) {
        this.providers = providers;
        this.clock = clock;
        this.messages = messages;
        this.staff = staff;
        this.milestones = milestones;
        this.invitations = invitations;
    }

    /**
     * The plan the form gives for {@code day}: it starts later than now at the school, lasts a while, and
     * takes place somewhere.
     */
    private static final java.time.LocalTime USUAL_START = java.time.LocalTime.of(15, 30);
    private static final int USUAL_LENGTH = 60;

    MeetingPlan read(SubmittedForm form, LocalDate day, long schoolId) {
        if (!form.asks(START_TIME)) {
            // A program of the previous release schedules with its own form, which asks the day only: the meeting
            // is planned for the school's usual hour, an hour long, its place to be said. Drop once none runs.
            return new MeetingPlan(day.atTime(USUAL_START), USUAL_LENGTH, null, null);
        }
        LocalDateTime startsAt = day.atTime(form.requiredTime(START_TIME));
        if (!startsAt.isAfter(clock.forSchool(schoolId).dateTime())) {
            throw messages.invalid(START_TIME, "invalid.startInPast");
        }
        int length = form.number(LENGTH_MINUTES, Integer.MIN_VALUE, Integer.MAX_VALUE)
                .orElseThrow(() -> messages.invalid(LENGTH_MINUTES, "invalid.required"));
        if (length < 1) {
            throw messages.invalid(LENGTH_MINUTES, "invalid.noLength");
        }
        if (length > LONGEST_MEETING) {
            throw messages.invalid(LENGTH_MINUTES, "invalid.range", 1, LONGEST_MEETING);
        }
        String place = form.text(PLACE, 200);
        String link = form.text(VIDEO_LINK, 500);
        if (place == null && link == null) {
            throw messages.invalid(PLACE, "invalid.placeOrLink");
        }
        if (link != null && !isWebAddress(link)) {
            throw messages.invalid(VIDEO_LINK, "invalid.videoLink", link);
        }
        return new MeetingPlan(startsAt, length, place, link);
    }

    /**
     * The form's invitees, each on the school's staff, and with them every teacher and leader of the school and the
     * tutor leads of the term's tutoring provider (4d.2: tutors meet teachers and school leaders).
     */
    List<String> inviteesWithTeachersAndLeaders(SubmittedForm form, MeetingRecorder recorder, ProgramRef ref) {
        long schoolId = ref.schoolId();
        Set<String> invitees = new LinkedHashSet<>();
        List<StaffMember> colleagues = staff.atSchool(schoolId);
        var groups = staff.groupsOf(colleagues.stream().map(StaffMember::username).toList());
        for (StaffMember colleague : colleagues) {
            Set<String> of = groups.getOrDefault(colleague.username(), Set.of());
            if (of.contains(Role.TEACHER.groupId()) || of.contains(Role.SCHOOL_LEADER.groupId())) {
                invitees.add(colleague.username());
            }
        }
        invitees.addAll(providers.tutorLeads(ref.termId(), schoolId));
        invitees.addAll(recorder.staffOfSchool(form, INVITEES, schoolId));
        return List.copyOf(invitees);
    }

    /** The form's invitees, each on the school's staff, and with them the tutor leads of the term's provider. */
    List<String> inviteesWithTutorLeads(SubmittedForm form, MeetingRecorder recorder, ProgramRef ref) {
        Set<String> invitees = new LinkedHashSet<>(recorder.staffOfSchool(form, INVITEES, ref.schoolId()));
        invitees.addAll(providers.tutorLeads(ref.termId(), ref.schoolId()));
        return List.copyOf(invitees);
    }

    /** Keeps the plan with the milestone and sends the invitees their invitations, or the updates. */
    void plan(ProgramRef ref, long milestoneId, String title, MeetingPlan plan, Collection<String> invitees,
              String organizer) {
        milestones.recordPlan(milestoneId, plan);
        milestones.recordInvitees(milestoneId, invitees);
        invitations.plan(new MeetingInvitations.Meeting(milestoneId, ref.schoolId(), title, plan.startsAt(),
                plan.endsAt(), plan.place(), plan.videoLink(), invitees, organizer));
    }

    private static boolean isWebAddress(String text) {
        try {
            URI uri = new URI(text);
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
