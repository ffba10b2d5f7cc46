package app.tandem.family;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import app.tandem.directory.Role;
import app.tandem.directory.School;
import app.tandem.directory.StaffDirectory;
import app.tandem.directory.StaffMember;
import app.tandem.family.CaregiverProcesses.Var;
import app.tandem.program.ProgramFixture.Program;
import app.tandem.system.DistrictClock;
import app.tandem.system.ProcessVariables;

/** Students and caregivers for tests, written straight to the tables, and caregiver updates started by hand. */
@Component
public class FamilyFixture {

    private static final AtomicInteger NUMBERS = new AtomicInteger();

    private final JdbcClient jdbc;
    private final Families families;
    private final CaregiverUpdates updates;
    private final RuntimeService runtime;
    private final DistrictClock clock;
    private final StaffDirectory staff;
    private final IdentityService identity;

    FamilyFixture(JdbcClient jdbc, Families families, CaregiverUpdates updates, RuntimeService runtime,
                  DistrictClock clock, StaffDirectory staff, IdentityService identity) {
        this.clock = clock;
        this.staff = staff;
        this.identity = identity;
        this.jdbc = jdbc;
        this.families = families;
        this.updates = updates;
        this.runtime = runtime;
    }

    /** A liaison at the school who speaks the language (in the group liaisons-<language>). */
    public String liaisonSpeaking(School school, String language) {
        String username = "liaison-" + language + "-" + NUMBERS.incrementAndGet();
        staff.add(new StaffMember(username, school.districtId(), "Liaison " + username, username + "@example.org",
                "en"), "secret", Set.of(Role.LIAISON), List.of(school.id()));
        String group = FamilyLanguages.liaisonGroup(language);
        if (identity.createGroupQuery().groupId(group).count() == 0) {
            identity.saveGroup(identity.newGroup(group));
        }
        identity.createMembership(username, group);
        return username;
    }

    public Student student(School school, String name, int sessionsPerWeek, LocalDate birthDate) {
        String number = "S" + NUMBERS.incrementAndGet();
        jdbc.sql("insert into student (district_id, student_number, school_id, full_name, grade_level, birth_date, "
                        + "tutoring_group, sessions_per_week) values (?, ?, ?, ?, 4, ?, 'Room 12 with Mr. Diaz', ?)")
                .params(school.districtId(), number, school.id(), name, birthDate, sessionsPerWeek)
                .update();
        return families.studentByNumber(school.districtId(), number).orElseThrow();
    }

    public Student student(School school, String name) {
        return student(school, name, 3, LocalDate.of(2016, 5, 1));
    }

    public Caregiver caregiver(Student student, String name, String email, String phone, String language,
                               Channel channel) {
        String number = "C" + NUMBERS.incrementAndGet();
        jdbc.sql("insert into caregiver (district_id, caregiver_number, full_name, email, phone, preferred_language, "
                        + "preferred_channel) values (?, ?, ?, ?, ?, ?, ?)")
                .params(student.districtId(), number, name, email, phone, language, channel.name())
                .update();
        Caregiver caregiver = families.caregiverByNumber(student.districtId(), number).orElseThrow();
        link(student, caregiver, true, null, null);
        return caregiver;
    }

    public void link(Student student, Caregiver caregiver, boolean contactAllowed, String reason, Boolean consent) {
        jdbc.sql("delete from student_caregiver where student_id = ? and caregiver_id = ?")
                .params(student.id(), caregiver.id())
                .update();
        jdbc.sql("insert into student_caregiver (student_id, caregiver_id, relationship, contact_allowed, "
                        + "no_contact_reason, student_consent) values (?, ?, 'parent', ?, ?, ?)")
                .params(student.id(), caregiver.id(), contactAllowed, reason, consent)
                .update();
    }

    /** Starts the caregiver-update of one student and cycle, as the school program's weekly timer would. */
    public ProcessInstance startUpdate(Program program, Student student, int cycle) {
        long updateId = updates.create(program.school().id(), program.term().id(), student.id(), cycle,
                clock.now()).orElseThrow();
        ProcessInstance pi = runtime.startProcessInstanceByKey(CaregiverProcesses.UPDATE_PROCESS_KEY,
                CaregiverProcesses.updateBusinessKey(student.id(), program.term().id(), cycle),
                Variables.createVariables()
                        .putValue(Var.STUDENT_ID, student.id())
                        .putValue(ProcessVariables.SCHOOL_ID, program.school().id())
                        .putValue(ProcessVariables.TERM_ID, program.term().id())
                        .putValue(Var.CYCLE, cycle)
                        .putValue(Var.UPDATE_ID, updateId));
        updates.recordProcessInstance(updateId, pi.getId());
        return pi;
    }
}
