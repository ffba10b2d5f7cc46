package app.tandem.demo;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import app.tandem.directory.District;
import app.tandem.directory.Role;
import app.tandem.directory.School;
import app.tandem.directory.Schools;
import app.tandem.directory.StaffDirectory;
import app.tandem.directory.StaffMember;
import app.tandem.directory.Term;
import app.tandem.directory.TermPlan;
import app.tandem.directory.Terms;
import app.tandem.program.ProgramCalendar;
import app.tandem.program.SchoolProgram;
import app.tandem.program.SchoolProgramLauncher;
import app.tandem.system.TandemProperties;

/**
 * A demo district, seeded on the first start only: three schools whose terms sit around that day
 * (one starts in three weeks, one has run for a month, one ended yesterday), their staff, and one
 * school program each, played forward to where its dates put it. Every later start finds it and
 * adds nothing.
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
    private final HistoryService history;
    private final ProcessEngineConfigurationImpl engineConfiguration;
    private final ProgramCalendar calendar;
    private final TandemProperties properties;
    private final TransactionTemplate transaction;

    DemoDistrict(Schools schools, Terms terms, StaffDirectory staff, SchoolProgramLauncher launcher,
                 DemoTimeline timeline, HistoryService history, ProcessEngineConfigurationImpl engineConfiguration,
                 ProgramCalendar calendar, TandemProperties properties, TransactionTemplate transaction) {
        this.schools = schools;
        this.terms = terms;
        this.staff = staff;
        this.launcher = launcher;
        this.timeline = timeline;
        this.history = history;
        this.engineConfiguration = engineConfiguration;
        this.calendar = calendar;
        this.properties = properties;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (schools.districtByCode(DISTRICT_CODE).isPresent()) {
            log.info("Demo district found; nothing added.");
            return;
        }
        LocalDate today = calendar.today();
        transaction.executeWithoutResult(status -> seedDirectory(today));
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
        log.info("Demo district seeded: 3 schools, their staff and one school program each.");
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

        term(maple, today.plusDays(21), 112);
        term(riverside, today.minusDays(30), 112);
        term(cedar, today.minusDays(84), 84);
    }

    private void person(District district, String username, String name, String language, Set<Role> roles,
                        List<Long> schoolIds) {
        staff.add(new StaffMember(username, district.id(), name, username + "@riverbend.example.org", language),
                PASSWORD, roles, schoolIds);
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

    /** A month under way: aligned in time, one check-in held, one missed, the third window open. */
    private void playRiverside(LocalDate today) {
        String pi = start("riverside");
        if (pi == null) {
            return;
        }
        LocalDate start = today.minusDays(30);
        scheduleAndHold(pi, start.minusDays(20), start.minusDays(10), List.of("leader", "teacher", "tokoye"));
        timeline.fire(start, pi, SchoolProgram.TERM_STARTS);
        holdCheckIn(pi, start.plusDays(10), List.of("leader", "teacher"), 18);
        timeline.fire(start.plusDays(14), pi, SchoolProgram.NEXT_WINDOW_OPENS);
        timeline.fire(start.plusDays(28), pi, SchoolProgram.CHECK_IN_WINDOW_CLOSED);
    }

    /** Ended yesterday: aligned late, five check-ins held and one missed, the impact summary due. */
    private void playCedar(LocalDate today) {
        String pi = start("cedar");
        if (pi == null) {
            return;
        }
        LocalDate start = today.minusDays(84);
        scheduleAndHold(pi, start.minusDays(12), start.plusDays(2), List.of("jbrooks", "lnguyen"));
        timeline.fire(start, pi, SchoolProgram.TERM_STARTS);
        for (int window = 0; window < 6; window++) {
            LocalDate opens = start.plusDays(14L * window);
            if (window == 2) {
                timeline.fire(opens.plusDays(14), pi, SchoolProgram.CHECK_IN_WINDOW_CLOSED);
                continue;
            }
            holdCheckIn(pi, opens.plusDays(9), List.of("jbrooks", "lnguyen"), 22 + window);
            timeline.fire(opens.plusDays(14), pi, SchoolProgram.NEXT_WINDOW_OPENS);
        }
    }

    private String start(String schoolCode) {
        School school = schools.byCode(schoolCode).orElseThrow();
        Term term = terms.ofSchool(school.id()).get(0);
        String businessKey = SchoolProgram.businessKey(school, term);
        if (history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(businessKey).count() > 0) {
            return null;
        }
        return launcher.start(term.id());
    }

    private void scheduleAndHold(String pi, LocalDate scheduledOn, LocalDate heldOn, List<String> attendees) {
        timeline.complete(scheduledOn, pi, SchoolProgram.SCHEDULE_ALIGNMENT_MEETING, "coordinator", Map.of(
                "alignmentMeetingDate", heldOn.toString(),
                "invitees", json(attendees)));
        timeline.complete(heldOn, pi, SchoolProgram.HOLD_ALIGNMENT_MEETING, "coordinator", Map.of(
                "heldOn", heldOn.toString(),
                "attendees", json(attendees),
                "alignmentPoints", json(List.of("instructional-materials", "schedule", "data-sharing")),
                "notes", "Tutoring sits in the intervention block; teachers share unit plans every two weeks."));
    }

    private void holdCheckIn(String pi, LocalDate heldOn, List<String> attendees, int studentsDiscussed) {
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
