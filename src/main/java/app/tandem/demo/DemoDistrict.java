package app.tandem.demo;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import app.tandem.directory.District;
import app.tandem.family.CaregiverProcesses;
import app.tandem.family.Families;
import app.tandem.family.roster.RosterImporter;
import app.tandem.family.roster.RosterScope;
import app.tandem.directory.Role;
import app.tandem.directory.School;
import app.tandem.directory.Schools;
import app.tandem.directory.StaffDirectory;
import app.tandem.directory.StaffEditor;
import app.tandem.directory.StaffMember;
import app.tandem.directory.Term;
import app.tandem.directory.TermPlan;
import app.tandem.directory.Terms;
import app.tandem.program.SchoolProgram;
import app.tandem.program.SchoolProgramLauncher;
import app.tandem.system.DistrictClock;
import app.tandem.system.TandemProperties;

/**
 * A demo district, seeded on the first start only: three schools whose terms sit around that day
 * (one starts in three weeks, one has run for a month, one ended yesterday), their staff, and one
 * school program each, played forward to where its dates put it. Every later start finds it and
 * adds nothing. The roster (demo/riverbend-roster.csv, in the import format) gives Riverside and Maple
 * 30 students and their caregivers in English, Spanish and Vietnamese; Riverside's caregivers were
 * introduced to the program before its term and its first month of progress updates went out.
 */
@Component
@Profile("!prod")
@ConditionalOnProperty(name = "tandem.demo.enabled", havingValue = "true")
@Order(10)
class DemoDistrict implements ApplicationRunner {

    static final String DISTRICT_CODE = "riverbend";
    static final String PASSWORD = "demo";

    private static final Logger log = LoggerFactory.getLogger(DemoDistrict.class);

    private final Schools schools;
    private final Terms terms;
    private final StaffDirectory staff;
    private final SchoolProgramLauncher launcher;
    private final DemoTimeline timeline;
    private final ProcessEngineConfigurationImpl engineConfiguration;
    private final DistrictClock clock;
    private final TandemProperties properties;
    private final TransactionTemplate transaction;
    private final RosterImporter roster;
    private final IdentityService identity;
    private final Families families;

    DemoDistrict(Schools schools, Terms terms, StaffDirectory staff, SchoolProgramLauncher launcher,
                 DemoTimeline timeline, ProcessEngineConfigurationImpl engineConfiguration,
                 DistrictClock clock, TandemProperties properties, TransactionTemplate transaction,
                 RosterImporter roster, IdentityService identity, Families families) {
        this.families = families;
        this.roster = roster;
        this.identity = identity;
        this.schools = schools;
        this.terms = terms;
        this.staff = staff;
        this.launcher = launcher;
        this.timeline = timeline;
        this.engineConfiguration = engineConfiguration;
        this.clock = clock;
        this.properties = properties;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (schools.districtByCode(DISTRICT_CODE).isPresent()) {
            log.info("Demo district found; nothing added.");
            return;
        }
        LocalDate today = clock.today();
        transaction.executeWithoutResult(status -> seedDirectory(today));
        importRoster();
        JobExecutor jobExecutor = engineConfiguration.getJobExecutor();
        boolean wasActive = jobExecutor != null && jobExecutor.isActive();
        if (wasActive) {
            jobExecutor.shutdown();
        }
        try {
            playMaple(today);
            playRiverside(today);
            playCedar(today);
        } finally {
            if (wasActive) {
                jobExecutor.start();
            }
        }
        log.info("Demo district seeded: 3 schools, their staff, 30 students and their caregivers, "
                + "and one school program each.");
    }

    private void seedDirectory(LocalDate today) {
        District district = schools.addDistrict(DISTRICT_CODE, "Riverbend Unified School District",
                properties.timeZone());
        School maple = schools.add(district.id(), "maple", "Maple Street Elementary");
        School riverside = schools.add(district.id(), "riverside", "Riverside Middle School");
        School cedar = schools.add(district.id(), "cedar", "Cedar Hill High School");
        List<Long> all = List.of(maple.id(), riverside.id(), cedar.id());

        person(district, "coordinator", "Alex Morgan", "en", Set.of(Role.COORDINATOR), all);
        person(district, "teacher", "Jordan Lee", "en", Set.of(Role.TEACHER), List.of(maple.id(), riverside.id()));
        person(district, "liaison", "Sofía Ramírez", "es", Set.of(Role.LIAISON), all);
        person(district, "leader", "Dana Whitfield", "en", Set.of(Role.SCHOOL_LEADER), List.of(riverside.id()));
        person(district, "manager", "Priya Shah", "en", Set.of(Role.MANAGER), all);
        person(district, "admin", "Casey Quinn", "en", Set.of(Role.OPERATOR), List.of());
        person(district, "mpatel", "Meera Patel", "en", Set.of(Role.SCHOOL_LEADER), List.of(maple.id()));
        person(district, "rchen", "Rosa Chen", "es", Set.of(Role.TEACHER), List.of(maple.id()));
        person(district, "tokoye", "Tobi Okoye", "en", Set.of(Role.TEACHER), List.of(riverside.id()));
        person(district, "jbrooks", "James Brooks", "en", Set.of(Role.SCHOOL_LEADER), List.of(cedar.id()));
        person(district, "lnguyen", "Linh Nguyen", "en", Set.of(Role.TEACHER), List.of(cedar.id()));
        person(district, "tvu", "Thao Vu", "vi", Set.of(Role.LIAISON), List.of(maple.id(), riverside.id()));
        speaks("liaison", "es");
        speaks("tvu", "vi");

        term(maple, today.plusDays(21), 112);
        term(riverside, today.minusDays(30), 112);
        term(cedar, today.minusDays(84), 84);
    }

    private void person(District district, String username, String name, String language, Set<Role> roles,
                        List<Long> schoolIds) {
        staff.add(new StaffMember(username, district.id(), name, username + "@riverbend.example.org", language),
                PASSWORD, roles, schoolIds);
    }

    /** A liaison who speaks a language is offered that language's translations and calls. */
    private void speaks(String username, String language) {
        String groupId = Role.LIAISON.groupId() + "-" + language;
        if (identity.createGroupQuery().groupId(groupId).count() == 0) {
            Group group = identity.newGroup(groupId);
            group.setName("Family liaisons (" + language + ")");
            group.setType("WORKFLOW");
            identity.saveGroup(group);
        }
        identity.createMembership(username, groupId);
    }

    private void importRoster() {
        District district = schools.districtByCode(DISTRICT_CODE).orElseThrow();
        try (java.io.Reader file = new java.io.InputStreamReader(
                new ClassPathResource("demo/riverbend-roster.csv").getInputStream(),
                java.nio.charset.StandardCharsets.UTF_8)) {
            RosterImporter.Result result = roster.importRoster(file,
                    new RosterScope(new StaffEditor("manager", district.id(),
                            Set.of(Role.MANAGER.groupId()), Set.of()), Locale.ENGLISH), (phase, done, total) -> { });
            if (!result.imported()) {
                throw new IllegalStateException("The demo roster has errors: " + result.errors());
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void term(School school, LocalDate startsOn, int days) {
        String season = startsOn.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        terms.plan(new TermPlan(school.id(), "term-" + startsOn, "Tutoring term from " + season + " "
                + startsOn.getYear(), startsOn, startsOn.plusDays(days - 1), "P2W"));
    }

    /** Starts in three weeks: the coordinators have yet to schedule the alignment meeting. */
    private void playMaple(LocalDate today) {
        start("maple");
    }

    /** A month under way: aligned in time, one check-in held, one missed, the third scheduled in three days. */
    private void playRiverside(LocalDate today) {
        String pi = start("riverside");
        if (pi == null) {
            return;
        }
        LocalDate start = today.minusDays(30);
        scheduleAndHold(pi, start.minusDays(20), start.minusDays(10), List.of("leader", "teacher", "tokoye"));
        reachCaregivers(start.minusDays(8));
        timeline.fire(start, pi, SchoolProgram.TERM_STARTS);
        updateWeek(pi, start.plusDays(7));
        holdCheckIn(pi, start.plusDays(10), List.of("leader", "teacher"), 18);
        timeline.fire(start.plusDays(14), pi, SchoolProgram.NEXT_WINDOW_OPENS);
        updateWeek(pi, start.plusDays(14));
        updateWeek(pi, start.plusDays(21));
        timeline.fire(start.plusDays(28), pi, SchoolProgram.CHECK_IN_WINDOW_CLOSED);
        lastUpdateWeek(pi, start.plusDays(28));
        scheduleCheckIn(pi, today, today.plusDays(3));
    }

    /** Ended yesterday: aligned late, five check-ins held and one missed, the impact summary due. */
    private void playCedar(LocalDate today) {
        String pi = start("cedar");
        if (pi == null) {
            return;
        }
        LocalDate start = today.minusDays(84);
        schedule(pi, start.minusDays(12), start.minusDays(4), List.of("jbrooks", "lnguyen"));
        // The meeting slips past its day: the managers are asked to follow it up, which is still theirs to do.
        timeline.fireWhenDue(pi, SchoolProgram.ALIGNMENT_MEETING_OVERDUE);
        timeline.fire(start.minusDays(1), pi, SchoolProgram.INTRODUCTION_DUE);
        timeline.fire(start.minusDays(1), pi, CaregiverProcesses.INTRODUCE_PROGRAM_TO_CAREGIVERS);
        timeline.fire(start, pi, SchoolProgram.TERM_STARTS);
        hold(pi, start.plusDays(2), List.of("jbrooks", "lnguyen"));
        for (int window = 0; window < 6; window++) {
            LocalDate opens = start.plusDays(14L * window);
            if (window == 2) {
                timeline.fire(opens.plusDays(14), pi, SchoolProgram.CHECK_IN_WINDOW_CLOSED);
                continue;
            }
            holdCheckIn(pi, opens.plusDays(9), List.of("jbrooks", "lnguyen"), 22 + window);
            timeline.fire(opens.plusDays(14), pi, SchoolProgram.NEXT_WINDOW_OPENS);
        }
        timeline.runDue(today, pi);
    }

    /**
     * This week's updates at Riverside: those of a student with their own teacher wait for that teacher's review;
     * the others go out, but their calls and notes home are still to be made by the liaisons and teachers.
     */
    private void lastUpdateWeek(String pi, LocalDate day) {
        timeline.fire(day, pi, CaregiverProcesses.CAREGIVER_UPDATES_DUE);
        timeline.fire(day, pi, CaregiverProcesses.START_CAREGIVER_UPDATES);
        LocalDate next = day.plusDays(1);
        String update = CaregiverProcesses.UPDATE_PROCESS_KEY;
        timeline.completeEach(next, update, CaregiverProcesses.DRAFT_UPDATE, "coordinator", task -> Map.of(
                "subject", "reading", "standing", "approaching", "atHome", "read-together", "win", "kept-trying",
                "sessionsAttended", 7, "teacherReview", hasOwnTeacher(task.getProcessInstanceId())));
        timeline.completeAll(next, update, CaregiverProcesses.TRANSLATE_UPDATE, "tvu", Map.of("translatedText",
                "Con quý vị đang tiến gần đến trình độ lớp về môn đọc. Con đã cố gắng rất nhiều với những bài khó.\n"
                        + "Ở nhà: hãy cùng con đọc sách 15 phút mỗi ngày."));
        timeline.deliverMail(next);
    }

    private boolean hasOwnTeacher(String updateInstanceId) {
        Object studentId = engineConfiguration.getRuntimeService().getVariable(updateInstanceId,
                CaregiverProcesses.Var.STUDENT_ID);
        return studentId instanceof Number id && families.teacherOf(id.longValue()).isPresent();
    }

    /** A week of the term begins: the updates due are started, drafted, translated and sent the next day. */
    private void updateWeek(String pi, LocalDate day) {
        timeline.fire(day, pi, CaregiverProcesses.CAREGIVER_UPDATES_DUE);
        timeline.fire(day, pi, CaregiverProcesses.START_CAREGIVER_UPDATES);
        LocalDate next = day.plusDays(1);
        String update = CaregiverProcesses.UPDATE_PROCESS_KEY;
        timeline.completeAll(next, update, CaregiverProcesses.DRAFT_UPDATE, "coordinator", Map.of(
                "subject", "reading", "standing", "approaching", "atHome", "read-together", "win", "kept-trying",
                "sessionsAttended", 7, "teacherReview", false));
        timeline.completeAll(next, update, CaregiverProcesses.TRANSLATE_UPDATE, "tvu", Map.of("translatedText",
                "Con quý vị đang tiến gần đến trình độ lớp về môn đọc. Con đã cố gắng rất nhiều với những bài khó.\n"
                        + "Ở nhà: hãy cùng con đọc sách 15 phút mỗi ngày."));
        reachCaregivers(next);
    }

    /** The liaisons and teachers do their part: calls, notes home, and the translations of introductions. */
    private void reachCaregivers(LocalDate day) {
        for (String process : List.of(CaregiverProcesses.ONBOARDING_PROCESS_KEY, CaregiverProcesses.UPDATE_PROCESS_KEY)) {
            timeline.completeAll(day, process, CaregiverProcesses.TRANSLATE_INTRODUCTION, "tvu", Map.of("translatedText",
                    "Con quý vị sẽ được gia sư hỗ trợ thêm trong nhóm nhỏ, trong giờ học. "
                            + "Chúng tôi sẽ gửi cho quý vị thông tin về sự tiến bộ của con vài tuần một lần."));
            timeline.completeAll(day, process, CaregiverProcesses.CALL_CAREGIVER, "liaison", Map.of(
                    "calledOn", day.toString(), "callOutcome", "reached", "inTheirLanguage", true));
            timeline.completeAll(day, process, CaregiverProcesses.SEND_NOTE_HOME, "tokoye", Map.of(
                    "sentOn", day.toString()));
        }
        timeline.deliverMail(day);
    }

    private String start(String schoolCode) {
        School school = schools.byCode(schoolCode).orElseThrow();
        Term term = terms.ofSchool(school.id()).get(0);
        if (terms.hasProgram(term.id())) {
            return null;
        }
        return launcher.start(term.id());
    }

    /** Aligned before the start: recording the meeting introduces the program to the caregivers. */
    private void scheduleAndHold(String pi, LocalDate scheduledOn, LocalDate heldOn, List<String> attendees) {
        schedule(pi, scheduledOn, heldOn, attendees);
        hold(pi, heldOn, attendees);
        timeline.fire(heldOn, pi, CaregiverProcesses.INTRODUCE_PROGRAM_TO_CAREGIVERS);
    }

    private void schedule(String pi, LocalDate scheduledOn, LocalDate meetingDay, List<String> invitees) {
        timeline.complete(scheduledOn, pi, SchoolProgram.SCHEDULE_ALIGNMENT_MEETING, "coordinator", Map.of(
                "alignmentMeetingDate", meetingDay.toString(),
                "startTime", "15:30", "lengthMinutes", 60, "place", "Library",
                "invitees", json(invitees)));
    }

    /** The check-in is scheduled from its task page: the school's teachers and leaders get an invitation. */
    private void scheduleCheckIn(String pi, LocalDate scheduledOn, LocalDate meetingDay) {
        timeline.act(scheduledOn, pi, SchoolProgram.CHECK_IN_TO_BE_SCHEDULED, "coordinator");
        timeline.complete(scheduledOn, pi, SchoolProgram.SCHEDULE_CHECK_IN, "coordinator", Map.of(
                "meetingDate", meetingDay.toString(), "startTime", "15:45", "lengthMinutes", 45,
                "place", "Room 12", "videoLink", "https://meet.riverbend.example.org/check-in",
                "invitees", "[]"));
    }

    private void hold(String pi, LocalDate heldOn, List<String> attendees) {
        timeline.complete(heldOn, pi, SchoolProgram.HOLD_ALIGNMENT_MEETING, "coordinator", Map.of(
                "heldOn", heldOn.toString(),
                "attendees", json(attendees),
                "alignmentPoints", json(List.of("instructional-materials", "schedule", "data-sharing")),
                "notes", "Tutoring sits in the intervention block; teachers share unit plans every two weeks."));
    }

    private void holdCheckIn(String pi, LocalDate heldOn, List<String> attendees, int studentsDiscussed) {
        scheduleCheckIn(pi, heldOn.minusDays(5), heldOn);
        timeline.complete(heldOn, pi, SchoolProgram.HOLD_CHECK_IN, "coordinator", Map.of(
                "heldOn", heldOn.toString(),
                "attendees", json(attendees),
                "studentsDiscussed", studentsDiscussed,
                "concerns", "Three students missed sessions during testing week.",
                "agreedActions", "Move their sessions to Thursday mornings."));
    }

    private static String json(List<String> values) {
        return values.stream().map(v -> "\"" + v + "\"").reduce((a, b) -> a + "," + b)
                .map(s -> "[" + s + "]").orElse("[]");
    }
}
