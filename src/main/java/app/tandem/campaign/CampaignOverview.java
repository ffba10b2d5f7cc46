package app.tandem.campaign;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

import app.tandem.system.DistrictClock;

/** What the campaign pages show: its tracks, next touchpoints, overdue work, open feedback and fixed work. */
@Service
public class CampaignOverview {

    public record TrackLine(Track track, PlanRow row, String ownerName, LocalDate nextDueOn, int held, int missed,
                            List<Touchpoint> touchpoints) {
        public StakeholderGroup group() {
            return row.group();
        }

        public Period cadence() {
            return row.cadence();
        }

        public boolean closed() {
            return track.closedOn() != null;
        }
    }

    public record NextTouchpoint(TrackLine line, Touchpoint touchpoint, boolean overdue) {
    }

    public record OpenTask(String taskId, String taskKey, String name, String assignee, String assigneeName,
                           LocalDate dueOn, boolean overdue) {
        public String messageKey() {
            return "campaign.task." + taskKey;
        }
    }

    public record FeedbackLine(Feedback feedback, Contact contact, String ownerName, boolean overdue) {
    }

    /** One step of the fixed work: its record, or for the co-design step whether the invitations went out. */
    public record PlaybookLine(PlaybookStep step, PlaybookRecord record, boolean invited, OpenTask task) {
        public boolean done() {
            return record != null || invited;
        }
    }

    public record SessionLine(CoDesignSession session, CoDesignInvitations.Tally tally) {
    }

    public record View(Campaign campaign, String districtName, String leadName, String approverName,
                       List<String> stage, List<TrackLine> tracks, List<NextTouchpoint> next, List<OpenTask> overdue,
                       List<FeedbackLine> openFeedback, List<FeedbackLine> answeredFeedback,
                       List<PlaybookLine> playbook, List<SessionLine> sessions, List<Handover> handovers,
                       Optional<YearReview> review) {
    }

    /** An owner's own tracks across the district's campaigns, and the feedback they owe answers to. */
    public record OwnerView(List<OwnedTrack> tracks, List<FeedbackLine> openFeedback) {
    }

    public record OwnedTrack(Campaign campaign, TrackLine line) {
    }

    private final Campaigns campaigns;
    private final CommunicationPlans plans;
    private final OutreachTracks tracks;
    private final FeedbackLog feedbackLog;
    private final Contacts contacts;
    private final PlaybookRecords playbook;
    private final CoDesignInvitations invitations;
    private final OwnerHandover handovers;
    private final YearReviews reviews;
    private final DistrictStaff staff;
    private final TaskService taskService;
    private final RuntimeService runtime;
    private final DistrictClock clock;

    CampaignOverview(Campaigns campaigns, CommunicationPlans plans, OutreachTracks tracks, FeedbackLog feedbackLog,
                     Contacts contacts, PlaybookRecords playbook, CoDesignInvitations invitations,
                     OwnerHandover handovers, YearReviews reviews, DistrictStaff staff, TaskService taskService,
                     RuntimeService runtime, DistrictClock clock) {
        this.campaigns = campaigns;
        this.plans = plans;
        this.tracks = tracks;
        this.feedbackLog = feedbackLog;
        this.contacts = contacts;
        this.playbook = playbook;
        this.invitations = invitations;
        this.handovers = handovers;
        this.reviews = reviews;
        this.staff = staff;
        this.taskService = taskService;
        this.runtime = runtime;
        this.clock = clock;
    }

    public View of(Campaign campaign) {
        LocalDate today = clock.today();
        List<TrackLine> lines = tracks.ofCampaign(campaign.id()).stream().map(this::line)
                .sorted(Comparator.comparingInt(l -> l.row().sortOrder())).toList();
        List<NextTouchpoint> next = new ArrayList<>();
        for (TrackLine line : lines) {
            line.touchpoints().stream().filter(t -> t.status() == TouchpointStatus.OPEN)
                    .forEach(t -> next.add(new NextTouchpoint(line, t, t.dueOn().isBefore(today))));
        }
        next.sort(Comparator.comparing(n -> n.touchpoint().dueOn()));
        List<OpenTask> open = openTasks(campaign);
        List<FeedbackLine> feedback = feedbackLog.ofCampaign(campaign.id()).stream().map(f -> feedbackLine(f, today))
                .toList();
        Map<PlaybookStep, PlaybookRecord> records = playbook.ofCampaign(campaign.id());
        List<SessionLine> sessions = invitations.sessionsOf(campaign.id()).stream()
                .map(s -> new SessionLine(s, invitations.tally(s.id()))).toList();
        List<PlaybookLine> steps = new ArrayList<>();
        for (PlaybookStep step : PlaybookStep.values()) {
            OpenTask task = open.stream().filter(t -> t.taskKey().equals(step.taskKey())).findFirst().orElse(null);
            steps.add(new PlaybookLine(step, records.get(step), step == PlaybookStep.CO_DESIGN && !sessions.isEmpty(),
                    task));
        }
        return new View(campaign, staff.districtName(campaign.districtId()).orElse(""),
                staff.nameOf(campaign.leadUsername()), staff.nameOf(campaign.approverUsername()), stage(campaign),
                lines, next, open.stream().filter(OpenTask::overdue).toList(),
                feedback.stream().filter(f -> !f.feedback().answered()).toList(),
                feedback.stream().filter(f -> f.feedback().answered()).toList(), steps, sessions,
                handovers.history(campaign.id()), reviews.of(campaign.id()));
    }

    public OwnerView ofOwner(String username) {
        List<OwnedTrack> owned = tracks.ofOwner(username).stream()
                .map(track -> new OwnedTrack(campaigns.byId(track.campaignId()).orElseThrow(), line(track)))
                .toList();
        LocalDate today = clock.today();
        return new OwnerView(owned, feedbackLog.openOf(username).stream().map(f -> feedbackLine(f, today)).toList());
    }

    /** The campaign's open tasks, wherever they wait: the campaign itself, its tracks, its feedback loops. */
    public List<OpenTask> openTasks(Campaign campaign) {
        Date now = clock.startOf(clock.today());
        return taskService.createTaskQuery().processInstanceBusinessKeyLike(campaign.businessKey() + "%")
                .orderByDueDate().asc().list().stream()
                .map(task -> openTask(task, now))
                .toList();
    }

    private OpenTask openTask(Task task, Date startOfToday) {
        Date due = task.getDueDate();
        return new OpenTask(task.getId(), task.getTaskDefinitionKey(), task.getName(), task.getAssignee(),
                staff.nameOf(task.getAssignee()), due == null ? null : clock.dayOf(due),
                due != null && due.before(startOfToday));
    }

    private List<String> stage(Campaign campaign) {
        if (!campaign.running() || campaign.processInstanceId() == null
                || runtime.createProcessInstanceQuery().processInstanceId(campaign.processInstanceId()).count() == 0) {
            return List.of(StakeholderCampaign.CAMPAIGN_CLOSED);
        }
        return runtime.getActiveActivityIds(campaign.processInstanceId()).stream().distinct().sorted().toList();
    }

    private TrackLine line(Track track) {
        PlanRow row = plans.row(track.planRowId()).orElseThrow();
        List<Touchpoint> touchpoints = tracks.touchpoints(track.id());
        LocalDate next = touchpoints.stream().filter(t -> t.status() == TouchpointStatus.OPEN)
                .map(Touchpoint::dueOn).min(Comparator.naturalOrder()).orElse(null);
        int held = (int) touchpoints.stream().filter(t -> t.status() == TouchpointStatus.HELD).count();
        int missed = (int) touchpoints.stream().filter(t -> t.status() == TouchpointStatus.MISSED).count();
        return new TrackLine(track, row, staff.nameOf(track.ownerUsername()), next, held, missed, touchpoints);
    }

    private FeedbackLine feedbackLine(Feedback feedback, LocalDate today) {
        return new FeedbackLine(feedback, contacts.byId(feedback.contactId()).orElseThrow(),
                staff.nameOf(feedback.ownerUsername()), !feedback.answered() && feedback.dueOn().isBefore(today));
    }
}
