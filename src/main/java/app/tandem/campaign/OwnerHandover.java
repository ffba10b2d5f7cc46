package app.tandem.campaign;

import java.sql.Timestamp;
import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.tandem.campaign.StakeholderCampaign.Var;
import app.tandem.directory.StaffMember;
import app.tandem.system.DistrictClock;
import app.tandem.system.FieldErrors;
import app.tandem.system.InvalidInputException;
import app.tandem.system.Messages;

/**
 * A leadership change among the campaign's owners: everything the person still has open (outreach tracks, plan
 * rows, unanswered feedback, contacts they look after, their open tasks, the campaign's lead or approval) moves to
 * the new owner. What they already did stays theirs: held touchpoints, answers and Camunda's history keep their
 * name, each moved task gets a comment, and the handover itself is kept.
 */
@Service
public class OwnerHandover {

    private final JdbcClient jdbc;
    private final Checks checks;
    private final Campaigns campaigns;
    private final CommunicationPlans plans;
    private final OutreachTracks tracks;
    private final FeedbackLog feedbackLog;
    private final TaskService tasks;
    private final RuntimeService runtime;
    private final DistrictClock clock;
    private final Messages messages;

    OwnerHandover(JdbcClient jdbc, Checks checks, Campaigns campaigns, CommunicationPlans plans, OutreachTracks tracks,
                  FeedbackLog feedbackLog, TaskService tasks, RuntimeService runtime, DistrictClock clock,
                  Messages messages) {
        this.jdbc = jdbc;
        this.checks = checks;
        this.campaigns = campaigns;
        this.plans = plans;
        this.tracks = tracks;
        this.feedbackLog = feedbackLog;
        this.tasks = tasks;
        this.runtime = runtime;
        this.clock = clock;
        this.messages = messages;
    }

    public FieldErrors check(Campaign campaign, HandoverEntry entry) {
        FieldErrors errors = new FieldErrors();
        Contacts.attempt(errors, () -> checks.required("handoverFrom", entry.handoverFrom(), 64));
        Contacts.attempt(errors, () -> checks.staffOf("handoverTo", entry.handoverTo(), campaign.districtId()));
        Contacts.attempt(errors, () -> checks.required("handoverReason", entry.handoverReason(), 500));
        if (errors.isEmpty() && entry.handoverFrom().strip().equals(entry.handoverTo().strip())) {
            Contacts.attempt(errors, () -> {
                throw checks.invalid("handoverTo", "campaign.invalid.handoverToSelf");
            });
        }
        if (errors.isEmpty() && !campaign.running()) {
            Contacts.attempt(errors, () -> {
                throw checks.invalid("handoverFrom", "campaign.invalid.campaignClosed");
            });
        }
        return errors;
    }

    /** @return the handover as kept */
    @Transactional
    public Handover handOver(Campaign campaign, HandoverEntry entry, String by) {
        FieldErrors errors = check(campaign, entry);
        if (!errors.isEmpty()) {
            String field = errors.all().keySet().iterator().next();
            throw new InvalidInputException(field, errors.of(field));
        }
        String from = entry.handoverFrom().strip();
        StaffMember to = checks.staffOf("handoverTo", entry.handoverTo(), campaign.districtId());

        List<Track> moved = tracks.moveOwner(campaign.id(), from, to.username());
        plans.moveOwner(campaign.id(), from, to.username());
        feedbackLog.moveOwner(campaign.id(), from, to.username());
        int contactsMoved = jdbc.sql("update stakeholder_contact set owner_username = ? where district_id = ? "
                        + "and owner_username = ? and left_on is null")
                .params(to.username(), campaign.districtId(), from).update();
        if (from.equals(campaign.leadUsername())) {
            campaigns.lead(campaign.id(), to.username());
            setIfRunning(campaign.processInstanceId(), Var.CAMPAIGN_LEAD, to.username());
        }
        if (from.equals(campaign.approverUsername())) {
            campaigns.approver(campaign.id(), to.username());
            setIfRunning(campaign.processInstanceId(), Var.PLAN_APPROVER, to.username());
        }
        for (Track track : moved) {
            setIfRunning(track.processInstanceId(), Var.TRACK_OWNER, to.username());
        }
        int tasksMoved = 0;
        String note = messages.text(java.util.Locale.ENGLISH, "campaign.handover.comment", from, to.username());
        for (Task task : tasks.createTaskQuery().processInstanceBusinessKeyLike(campaign.businessKey() + "%")
                .taskAssignee(from).list()) {
            tasks.setAssignee(task.getId(), to.username());
            tasks.createComment(task.getId(), task.getProcessInstanceId(), note);
            tasksMoved++;
        }
        if (moved.isEmpty() && tasksMoved == 0 && contactsMoved == 0 && !from.equals(campaign.leadUsername())
                && !from.equals(campaign.approverUsername())) {
            throw checks.invalid("handoverFrom", "campaign.invalid.nothingToHandOver", from);
        }
        var now = clock.dateTime();
        jdbc.sql("insert into owner_handover (campaign_id, from_username, to_username, reason, tracks_moved, tasks_moved, "
                        + "contacts_moved, handed_over_by, handed_over_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(campaign.id(), from, to.username(), entry.handoverReason().strip(), moved.size(), tasksMoved,
                        contactsMoved, by, Timestamp.valueOf(now))
                .update();
        return history(campaign.id()).get(0);
    }

    /** The campaign's handovers, newest first. */
    public List<Handover> history(long campaignId) {
        return jdbc.sql("select id, campaign_id, from_username, to_username, reason, tracks_moved, tasks_moved, "
                        + "contacts_moved, handed_over_by, handed_over_at from owner_handover where campaign_id = ? "
                        + "order by handed_over_at desc, id desc")
                .param(campaignId)
                .query((rs, n) -> new Handover(rs.getLong("id"), rs.getLong("campaign_id"), rs.getString("from_username"),
                        rs.getString("to_username"), rs.getString("reason"), rs.getInt("tracks_moved"),
                        rs.getInt("tasks_moved"), rs.getInt("contacts_moved"), rs.getString("handed_over_by"),
                        rs.getTimestamp("handed_over_at").toLocalDateTime()))
                .list();
    }

    /** Everyone with open work in the campaign: who can be handed over from. */
    public List<String> peopleWithOpenWork(Campaign campaign) {
        List<String> owners = new java.util.ArrayList<>(jdbc.sql("select distinct owner_username from outreach_track "
                        + "where campaign_id = ? and closed_on is null")
                .param(campaign.id()).query(String.class).list());
        tasks.createTaskQuery().processInstanceBusinessKeyLike(campaign.businessKey() + "%").list().stream()
                .map(Task::getAssignee)
                .filter(java.util.Objects::nonNull)
                .forEach(owners::add);
        owners.add(campaign.leadUsername());
        owners.add(campaign.approverUsername());
        return owners.stream().distinct().sorted().toList();
    }

    private void setIfRunning(String processInstanceId, String variable, Object value) {
        if (processInstanceId != null
                && runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0) {
            runtime.setVariable(processInstanceId, variable, value);
        }
    }
}
