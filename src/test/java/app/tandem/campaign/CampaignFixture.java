package app.tandem.campaign;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import app.tandem.directory.District;
import app.tandem.directory.Role;
import app.tandem.directory.School;
import app.tandem.directory.Schools;
import app.tandem.directory.StaffDirectory;
import app.tandem.directory.StaffMember;
import app.tandem.system.DistrictClock;
import app.tandem.system.InvalidInputException;

/**
 * A district of its own for each test, with two managers (the campaign's lead and its approver), three people
 * who can own outreach, a teacher and a principal; and a hand on the engine's clock.
 */
@Component
public class CampaignFixture {

    private static final AtomicInteger DISTRICTS = new AtomicInteger();

    private final Schools schools;
    private final StaffDirectory staff;
    private final CampaignLauncher launcher;
    private final Campaigns campaigns;
    private final Contacts contacts;
    private final CommunicationPlans plans;
    private final DistrictClock clock;
    private final TaskService tasks;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final IdentityService identity;

    public CampaignFixture(Schools schools, StaffDirectory staff, CampaignLauncher launcher, Campaigns campaigns,
                           Contacts contacts, CommunicationPlans plans, DistrictClock clock, TaskService tasks,
                           RuntimeService runtime, ManagementService management, IdentityService identity) {
        this.schools = schools;
        this.staff = staff;
        this.launcher = launcher;
        this.campaigns = campaigns;
        this.contacts = contacts;
        this.plans = plans;
        this.clock = clock;
        this.tasks = tasks;
        this.runtime = runtime;
        this.management = management;
        this.identity = identity;
    }

    /** Usernames of the district's people. */
    public record People(District district, School school, String lead, String approver, String ownerA, String ownerB,
                         String ownerC, String teacher, String principal) {
    }

    public People district() {
        int n = DISTRICTS.incrementAndGet();
        District district = schools.addDistrict("outreach-" + n, "Outreach District " + n, ZoneId.of("America/Chicago"));
        School school = schools.add(district.id(), "outreach-school-" + n, "Outreach School " + n);
        People people = new People(district, school, "lead-" + n, "approver-" + n, "owner-a-" + n, "owner-b-" + n,
                "owner-c-" + n, "educator-" + n, "principal-" + n);
        person(district, people.lead(), "Lena Lead " + n, "en", Role.MANAGER, school);
        person(district, people.approver(), "Abel Approver " + n, "en", Role.MANAGER, school);
        person(district, people.ownerA(), "Olga Owner " + n, "en", Role.COORDINATOR, school);
        person(district, people.ownerB(), "Omar Owner " + n, "es", Role.SCHOOL_LEADER, school);
        person(district, people.ownerC(), "Ona Owner " + n, "en", Role.COORDINATOR, school);
        person(district, people.teacher(), "Tess Teacher " + n, "en", Role.TEACHER, school);
        person(district, people.principal(), "Pat Principal " + n, "es", Role.SCHOOL_LEADER, school);
        return people;
    }

    private void person(District district, String username, String name, String language, Role role, School school) {
        staff.add(new StaffMember(username, district.id(), name, username + "@outreach.example.org", language), "secret",
                Set.of(role), List.of(school.id()));
    }

    public Campaign start(People people, String programYear, LocalDate endsOn) {
        long id = launcher.start(people.district().id(), people.lead(),
                new CampaignEntry(programYear, endsOn == null ? "" : endsOn.toString(), people.approver()));
        return campaigns.byId(id).orElseThrow();
    }

    public Campaign reload(Campaign campaign) {
        return campaigns.byId(campaign.id()).orElseThrow();
    }

    public long contact(People people, String name, StakeholderGroup group, boolean decides, String email,
                        String language) {
        return contacts.add(people.district().id(), new ContactEntry(name, "Org of " + name, group.code(), "Chair",
                decides, Influence.HIGH.code(), Stance.SUPPORTIVE.code(), email, null, language, Channel.EMAIL.code(),
                people.lead()), people.lead(), clock.today().atStartOfDay());
    }

    public long row(Campaign campaign, StakeholderGroup group, String owner, String cadence, LocalDate anchorOn) {
        return plans.add(campaign, new PlanRowEntry(group.code(), "Audience of " + group.code(),
                "Tutoring accelerates learning.", "Support the program.", owner, Channel.IN_PERSON.code(), "en",
                cadence, anchorOn == null ? "" : anchorOn.toString(), "Notes go to the program manager within a week."));
    }

    public ProcessInstance instance(Campaign campaign) {
        return runtime.createProcessInstanceQuery().processInstanceId(campaign.processInstanceId()).singleResult();
    }

    /** The campaign's open task of that key, wherever it waits (the campaign, a track, a feedback loop). */
    public Task task(Campaign campaign, String key) {
        List<Task> found = tasks.createTaskQuery().processInstanceBusinessKeyLike(campaign.businessKey() + "%")
                .taskDefinitionKey(key).list();
        if (found.size() != 1) {
            throw new IllegalStateException(found.size() + " open tasks " + key + " in " + campaign.businessKey());
        }
        return found.get(0);
    }

    public List<Task> tasks(Campaign campaign, String key) {
        return tasks.createTaskQuery().processInstanceBusinessKeyLike(campaign.businessKey() + "%")
                .taskDefinitionKey(key).orderByDueDate().asc().list();
    }

    /**
     * Completes a task as the given person, as a tasklist does; a refusal comes out as the tasklist shows it:
     * the InvalidInputException the engine wrapped.
     */
    public void complete(Task task, String as, java.util.Map<String, Object> values) {
        identity.setAuthenticatedUserId(as);
        try {
            tasks.complete(task.getId(), values);
        } catch (RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof InvalidInputException invalid) {
                    throw invalid;
                }
            }
            throw e;
        } finally {
            identity.clearAuthentication();
        }
    }

    public ProcessInstance track(Campaign campaign, long trackId) {
        return runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(campaign.businessKey() + "/track-" + trackId).singleResult();
    }

    public ProcessInstance feedbackLoop(Campaign campaign, long feedbackId) {
        return runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(campaign.businessKey() + "/feedback-" + feedbackId).singleResult();
    }

    /** Fires the instance's timer at that activity, as the job executor would once it is due. */
    public void fire(ProcessInstance instance, String activityId) {
        Job job = management.createJobQuery().processInstanceId(instance.getId()).activityId(activityId).singleResult();
        if (job == null) {
            throw new IllegalStateException("No job at " + activityId);
        }
        management.executeJob(job.getId());
    }

    /** Runs the campaign's jobs that are due by the engine's clock (timers, mostly) until none is. */
    public void runDueJobs(Campaign campaign) {
        for (int round = 0; round < 50; round++) {
            List<Job> due = new java.util.ArrayList<>();
            for (ProcessInstance instance : runtime.createProcessInstanceQuery()
                    .processInstanceBusinessKeyLike(campaign.businessKey() + "%").list()) {
                due.addAll(management.createJobQuery().processInstanceId(instance.getId()).executable().list());
            }
            if (due.isEmpty()) {
                return;
            }
            for (Job job : due) {
                // An earlier job of this round may have ended this one's activity (a missed touchpoint ends its reminder).
                if (management.createJobQuery().jobId(job.getId()).count() > 0) {
                    management.executeJob(job.getId());
                }
            }
        }
    }

    public void today(LocalDate day) {
        ClockUtil.setCurrentTime(Date.from(day.atTime(LocalTime.of(10, 0)).atZone(clock.zone()).toInstant()));
    }

    public LocalDate dayOf(Date moment) {
        return clock.dayOf(moment);
    }

    public Date endOf(LocalDate day) {
        return clock.endOf(day);
    }
}
