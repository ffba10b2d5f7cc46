package app.tandem.tasklist;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import app.tandem.directory.District;
import app.tandem.directory.Role;
import app.tandem.directory.School;
import app.tandem.directory.Schools;
import app.tandem.directory.StaffDirectory;
import app.tandem.directory.StaffMember;
import app.tandem.program.ProgramFixture;
import app.tandem.program.ProgramFixture.Program;
import app.tandem.program.SchoolProgram;
import app.tandem.system.DistrictClock;

/**
 * Programs with people around them for tasklist tests: each school gets its own coordinator,
 * and people can be added to any school, group or district.
 */
@Component
class TasklistFixture {

    private static final AtomicInteger PEOPLE = new AtomicInteger();

    private final ProgramFixture programs;
    private final StaffDirectory staff;
    private final Schools schools;
    private final TaskService tasks;
    private final DistrictClock clock;

    TasklistFixture(ProgramFixture programs, StaffDirectory staff, Schools schools, TaskService tasks,
                    DistrictClock clock) {
        this.programs = programs;
        this.staff = staff;
        this.schools = schools;
        this.tasks = tasks;
        this.clock = clock;
    }

    /** A school whose program waits at "Schedule the alignment meeting", with a coordinator of its own. */
    SchoolAtWork school() {
        LocalDate termStart = clock.today().plusDays(28);
        Program program = programs.start(termStart, termStart.plusDays(83), "P2W");
        String coordinator = person("coordinator", Set.of(Role.COORDINATOR), program.school());
        return new SchoolAtWork(program, coordinator);
    }

    /** A new account in the given groups, working at the given schools, in the test district. */
    String person(String kind, Set<Role> roles, School... at) {
        return person(kind, kind + " " + PEOPLE.get(), roles, at);
    }

    String person(String kind, String fullName, Set<Role> roles, School... at) {
        String username = kind + "-" + PEOPLE.incrementAndGet();
        District district = schools.districtByCode("test").orElseThrow();
        staff.add(new StaffMember(username, district.id(), fullName, username + "@example.org", "en"), "secret",
                roles, List.of(at).stream().map(School::id).toList());
        return username;
    }

    /** Someone in another district altogether. */
    String personElsewhere(String kind, Set<Role> roles) {
        District other = schools.districtByCode("elsewhere")
                .orElseGet(() -> schools.addDistrict("elsewhere", "Elsewhere District", ZoneId.of("America/Chicago")));
        School school = schools.add(other.id(), "elsewhere-" + PEOPLE.incrementAndGet(), "Elsewhere School");
        String username = kind + "-" + PEOPLE.incrementAndGet();
        staff.add(new StaffMember(username, other.id(), "Elsewhere " + kind, username + "@example.org", "en"),
                "secret", roles, List.of(school.id()));
        return username;
    }

    Task task(SchoolAtWork school, String taskKey) {
        return tasks.createTaskQuery().processInstanceId(school.program().processInstanceId())
                .taskDefinitionKey(taskKey).singleResult();
    }

    Task scheduleTask(SchoolAtWork school) {
        return task(school, SchoolProgram.SCHEDULE_ALIGNMENT_MEETING);
    }

    /** Schedules the alignment meeting a week ahead, so the program waits at "Hold the alignment meeting". */
    Task scheduled(SchoolAtWork school) {
        Task schedule = scheduleTask(school);
        tasks.complete(schedule.getId(), Variables.createVariables()
                .putValue(SchoolProgram.Var.ALIGNMENT_MEETING_DATE, clock.today().plusDays(7).toString())
                .putValue("startTime", "16:00").putValue("lengthMinutes", 60).putValue("place", "Library"));
        return task(school, SchoolProgram.HOLD_ALIGNMENT_MEETING);
    }

    record SchoolAtWork(Program program, String coordinator) {
        School school() {
            return program.school();
        }
    }
}
