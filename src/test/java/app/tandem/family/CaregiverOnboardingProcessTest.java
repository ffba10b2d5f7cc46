package app.tandem.family;

import static app.tandem.family.CaregiverProcesses.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import app.tandem.TandemTest;
import app.tandem.dashboard.CaregiverEvidence;
import app.tandem.dashboard.Share;
import app.tandem.notify.EmbeddedMailServer;
import app.tandem.notify.Mailroom;
import app.tandem.notify.Outbox;
import app.tandem.program.ProgramFixture;
import app.tandem.program.ProgramFixture.Program;
import app.tandem.program.SchoolProgram;

@TandemTest
class CaregiverOnboardingProcessTest {

    private static final LocalDate TODAY = LocalDate.of(2027, 8, 2);
    private static final LocalDate TERM_START = TODAY.plusDays(21);

    @Autowired
    ProcessEngine engine;
    @Autowired
    ProgramFixture programs;
    @Autowired
    FamilyFixture families;
    @Autowired
    FamilyMessages messages;
    @Autowired
    DisclosureLog disclosures;
    @Autowired
    CaregiverEvidence evidence;
    @Autowired
    CaregiverUpdates updates;
    @Autowired
    Outbox outbox;
    @Autowired
    Mailroom mailroom;
    @Autowired
    EmbeddedMailServer mailServer;
    @Autowired
    TaskService tasks;
    @Autowired
    HistoryService history;

    @BeforeEach
    void setUp() {
        init(engine);
        programs.today(TODAY);
        mailServer.clear();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void shouldIntroduceTheProgramToEveryCaregiverBeforeTheTermStarts() throws Exception {
        Program program = programs.start(TERM_START, TERM_START.plusDays(83), "P2W");
        Student ana = families.student(program.school(), "Ana Silva");
        Student ben = families.student(program.school(), "Ben Silva");
        Caregiver mother = families.caregiver(ana, "Maria Silva", "maria.silva@example.org", null, "en", Channel.EMAIL);
        families.link(ben, mother, true, null, null);
        Student minh = families.student(program.school(), "Minh Tran");
        Caregiver grandmother = families.caregiver(minh, "Lan Tran", "lan.tran@example.org", null, "vi", Channel.EMAIL);
        Student diego = families.student(program.school(), "Diego Cruz");
        Caregiver father = families.caregiver(diego, "Raúl Cruz", null, "312 555 0199", "es", Channel.PHONE_CALL);
        Student eli = families.student(program.school(), "Eli Stone");
        Caregiver barred = families.caregiver(eli, "Mark Stone", "mark.stone@example.org", null, "en", Channel.EMAIL);
        families.link(eli, barred, false, "Court order", null);
        families.liaisonSpeaking(program.school(), "vi");
        families.liaisonSpeaking(program.school(), "es");

        alignBeforeStart(program);

        ProcessInstance schoolProgram = processInstanceQuery().processInstanceId(program.processInstanceId()).singleResult();
        assertThat(schoolProgram).hasPassed(INTRODUCE_PROGRAM_TO_CAREGIVERS).isWaitingAt(SchoolProgram.TERM_STARTS);
        assertThat(onboardings(program)).as("one per caregiver, however many children").hasSize(4);

        HistoricProcessInstance notContacted = onboardingOf(barred, program);
        assertThat(notContacted.getEndActivityId()).isEqualTo(NOT_CONTACTED);
        assertThat(messages.introduction(program.term().id(), barred.id()).orElseThrow().withheldReason())
                .isEqualTo(WithheldReason.CONTACT_NOT_ALLOWED);

        FamilyMessage toMother = messages.introduction(program.term().id(), mother.id()).orElseThrow();
        mailroom.deliver(outbox.find(toMother.outboxMessageId()).orElseThrow());
        String mail = CaregiverUpdateProcessTest.body(mailroom.receivedBy("maria.silva@example.org").get(0));
        assertThat(mail).contains("Welcome to tutoring at " + program.school().name(), "Ana Silva: 3 sessions a week",
                "Ben Silva: 3 sessions a week, Room 12 with Mr. Diaz", "Tutoring runs from");
        assertThat(disclosures.ofStudent(ana.id())).extracting(Disclosure::kind).containsExactly(FamilyMessageKind.INTRODUCTION);
        assertThat(disclosures.ofStudent(ben.id())).hasSize(1);

        Task translate = tasks.createTaskQuery().taskDefinitionKey(TRANSLATE_INTRODUCTION)
                .processInstanceBusinessKey(onboardingBusinessKey(grandmother.id(), program.term().id())).singleResult();
        assertThat(translate).hasCandidateGroup("liaisons-vi");
        complete(translate, withVariables("translatedText", "Chào mừng đến với chương trình phụ đạo."));
        FamilyMessage toGrandmother = messages.introduction(program.term().id(), grandmother.id()).orElseThrow();
        mailroom.deliver(outbox.find(toGrandmother.outboxMessageId()).orElseThrow());
        assertThat(CaregiverUpdateProcessTest.body(mailroom.receivedBy("lan.tran@example.org").get(0)))
                .contains("Chào mừng đến với chương trình phụ đạo.", "Chào mừng đến với chương trình phụ đạo tại");

        Task call = tasks.createTaskQuery().taskDefinitionKey(CALL_CAREGIVER)
                .processInstanceBusinessKey(onboardingBusinessKey(father.id(), program.term().id())).singleResult();
        assertThat(call).hasCandidateGroup("liaisons-es");
        programs.today(TODAY.plusDays(10));
        complete(call, withVariables("calledOn", TODAY.plusDays(10).toString(), "callOutcome", "reached",
                "inTheirLanguage", false));

        CaregiverEvidence.CaregiverFacts facts = evidence.ofTerms(List.of(program.term().id())).get(program.term().id());
        assertThat(facts.reachedBeforeStart()).as("4e.2: the barred caregiver is in no denominator")
                .isEqualTo(new Share(3, 3));
        assertThat(facts.inPreferredLanguage()).as("4e.3: the call was in English").isEqualTo(new Share(2, 3));
        assertThat(facts.notYetReached()).as("every caregiver allowed to hear was introduced").isZero();
    }

    @Test
    void shouldIntroduceTheProgramInAJobOfItsOwnAfterTheMeetingIsRecorded() {
        Program program = programs.start(TERM_START, TERM_START.plusDays(83), "P2W");
        Student ana = families.student(program.school(), "Ana Silva");
        Caregiver mother = families.caregiver(ana, "Maria Silva", "maria.silva@example.org", null, "en", Channel.EMAIL);
        String people = "[\"" + program.leader() + "\",\"" + program.teacher() + "\"]";
        ProcessInstance pi = processInstanceQuery().processInstanceId(program.processInstanceId()).singleResult();
        complete(task(SchoolProgram.SCHEDULE_ALIGNMENT_MEETING, pi), withVariables(
                "alignmentMeetingDate", TODAY.plusDays(3).toString(), "startTime", "16:00", "lengthMinutes", 60, "place", "Library", "invitees", people));
        programs.today(TODAY.plusDays(3));

        complete(task(SchoolProgram.HOLD_ALIGNMENT_MEETING, pi), withVariables("heldOn", TODAY.plusDays(3).toString(),
                "attendees", people, "alignmentPoints", "[\"schedule\"]"));

        assertThat(pi).as("the coordinator's request ends here").isWaitingAt(INTRODUCE_PROGRAM_TO_CAREGIVERS)
                .hasNotPassed(INTRODUCE_PROGRAM_TO_CAREGIVERS);
        assertThat(jobQuery().processInstanceId(pi.getId()).activityId(INTRODUCE_PROGRAM_TO_CAREGIVERS).count())
                .isEqualTo(1);
        assertThat(onboardings(program)).as("no onboarding before the job runs").isEmpty();
        assertThat(messages.introduction(program.term().id(), mother.id())).isEmpty();

        execute(job(INTRODUCE_PROGRAM_TO_CAREGIVERS, pi));

        assertThat(pi).hasPassed(INTRODUCE_PROGRAM_TO_CAREGIVERS).isWaitingAt(SchoolProgram.TERM_STARTS);
        assertThat(onboardings(program)).extracting(HistoricProcessInstance::getBusinessKey)
                .containsExactly(onboardingBusinessKey(mother.id(), program.term().id()));
        assertThat(messages.introduction(program.term().id(), mother.id())).isPresent();
    }

    @Test
    void shouldStopStartingUpdatesAtTheLastWeekOfTheTerm() {
        Program program = programs.start(TERM_START, TERM_START.plusDays(27), "P2W");
        alignBeforeStart(program);
        ProcessInstance pi = processInstanceQuery().processInstanceId(program.processInstanceId()).singleResult();
        programs.today(TERM_START);
        execute(job(SchoolProgram.TERM_STARTS, pi));

        for (int week = 1; week <= 3; week++) {
            programs.today(TERM_START.plusDays(7L * week));
            execute(job(CAREGIVER_UPDATES_DUE, pi));
            execute(job(START_CAREGIVER_UPDATES, pi));
        }

        assertThat(jobQuery().processInstanceId(pi.getId()).activityId(CAREGIVER_UPDATES_DUE).count())
                .as("a fourth week would begin after the term's last day").isZero();
    }

    @Test
    void shouldStartEachStudentsUpdatesOnTheirCadenceDuringTheTerm() {
        Program program = programs.start(TERM_START, TERM_START.plusDays(83), "P2W");
        Student weekly = families.student(program.school(), "Sam Weekly", 5, LocalDate.of(2016, 1, 1));
        families.caregiver(weekly, "Pat Weekly", "pat@example.org", null, "en", Channel.EMAIL);
        Student monthly = families.student(program.school(), "Kim Monthly", 3, LocalDate.of(2016, 1, 1));
        families.caregiver(monthly, "Lee Monthly", "lee@example.org", null, "en", Channel.EMAIL);
        alignBeforeStart(program);
        ProcessInstance pi = processInstanceQuery().processInstanceId(program.processInstanceId()).singleResult();
        programs.today(TERM_START);
        execute(job(SchoolProgram.TERM_STARTS, pi));
        assertThat(jobQuery().processInstanceId(pi.getId()).activityId(CAREGIVER_UPDATES_DUE).singleResult().getDuedate())
                .as("a week into the term").isEqualTo(programs.startOf(TERM_START.plusDays(7)));

        for (int week = 1; week <= 4; week++) {
            programs.today(TERM_START.plusDays(7L * week));
            execute(job(CAREGIVER_UPDATES_DUE, pi));
            execute(job(START_CAREGIVER_UPDATES, pi));
            assertThat(pi).isWaitingAt(SchoolProgram.HOLD_CHECK_IN);
        }

        assertThat(updates.ofTerm(program.term().id()))
                .extracting(u -> u.studentId() + "/" + u.cycleNo())
                .containsExactlyInAnyOrder(weekly.id() + "/1", weekly.id() + "/2", weekly.id() + "/3",
                        weekly.id() + "/4", monthly.id() + "/1");
        assertThat(processInstanceQuery().processDefinitionKey(UPDATE_PROCESS_KEY)
                .processInstanceBusinessKey(updateBusinessKey(monthly.id(), program.term().id(), 1)).singleResult())
                .isWaitingAt(DRAFT_UPDATE);
        assertThat(jobQuery().processInstanceId(pi.getId()).activityId(CAREGIVER_UPDATES_DUE).singleResult().getDuedate())
                .as("the next week").isEqualTo(programs.startOf(TERM_START.plusDays(35)));
    }

    private List<HistoricProcessInstance> onboardings(Program program) {
        return history.createHistoricProcessInstanceQuery().processDefinitionKey(ONBOARDING_PROCESS_KEY).list().stream()
                .filter(h -> h.getBusinessKey().endsWith("/" + program.term().id()))
                .toList();
    }

    private HistoricProcessInstance onboardingOf(Caregiver caregiver, Program program) {
        return history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(onboardingBusinessKey(caregiver.id(), program.term().id())).singleResult();
    }

    private void alignBeforeStart(Program program) {
        String people = "[\"" + program.leader() + "\",\"" + program.teacher() + "\"]";
        ProcessInstance pi = processInstanceQuery().processInstanceId(program.processInstanceId()).singleResult();
        complete(task(SchoolProgram.SCHEDULE_ALIGNMENT_MEETING, pi), withVariables(
                "alignmentMeetingDate", TODAY.plusDays(3).toString(), "startTime", "16:00", "lengthMinutes", 60, "place", "Library", "invitees", people));
        programs.today(TODAY.plusDays(3));
        complete(task(SchoolProgram.HOLD_ALIGNMENT_MEETING, pi), withVariables("heldOn", TODAY.plusDays(3).toString(),
                "attendees", people, "alignmentPoints", "[\"schedule\"]"));
        execute(job(INTRODUCE_PROGRAM_TO_CAREGIVERS, pi));
    }
}
