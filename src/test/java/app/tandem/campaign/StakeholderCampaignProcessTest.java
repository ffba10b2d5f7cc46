package app.tandem.campaign;

import static app.tandem.campaign.StakeholderCampaign.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import app.tandem.TandemTest;
import app.tandem.campaign.CampaignFixture.People;
import app.tandem.notify.Mailroom;
import app.tandem.notify.MessageKind;
import app.tandem.notify.Outbox;
import app.tandem.notify.OutboxMessage;
import app.tandem.system.InvalidInputException;

@TandemTest
class StakeholderCampaignProcessTest {

    private static final LocalDate TODAY = LocalDate.of(2027, 9, 6);
    private static final String YEAR = "2027-28";

    @Autowired
    ProcessEngine engine;
    @Autowired
    CampaignFixture fixture;
    @Autowired
    CommunicationPlans plans;
    @Autowired
    OutreachTracks tracks;
    @Autowired
    FeedbackLog feedbackLog;
    @Autowired
    Contacts contacts;
    @Autowired
    PlaybookRecords playbook;
    @Autowired
    CoDesignInvitations invitations;
    @Autowired
    OwnerHandover handover;
    @Autowired
    YearReviews yearReviews;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService history;
    @Autowired
    Mailroom mailroom;
    @Autowired
    Outbox outbox;

    @BeforeEach
    void setUp() {
        init(engine);
        fixture.today(TODAY);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void shouldSendThePlanBackWithCommentsThenApproveIt() {
        People people = fixture.district();
        Campaign campaign = fixture.start(people, YEAR, null);
        ProcessInstance pi = fixture.instance(campaign);

        assertThat(pi).isWaitingAt(MAP_DECISION_MAKERS);
        assertThat(pi.getBusinessKey()).isEqualTo(people.district().code() + "/" + YEAR);
        assertThat(campaign.endsOn()).as("the school year's end").isEqualTo(LocalDate.of(2028, 6, 30));
        assertThat(fixture.task(campaign, MAP_DECISION_MAKERS)).isAssignedTo(people.lead()).hasCandidateGroupAssociated("managers")
                .hasDueDate(fixture.endOf(TODAY.plusDays(14)));

        assertThatThrownBy(() -> fixture.complete(fixture.task(campaign, MAP_DECISION_MAKERS), people.lead(),
                Map.of("mapReviewed", true)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Decision-maker map: the map has nobody on it yet: add the people who decide and those "
                        + "who sway them first.");
        fixture.contact(people, "Ines Influencer", StakeholderGroup.COMMUNITY_PARTNER, false, "ines@partner.example",
                "en");
        assertThatThrownBy(() -> fixture.complete(fixture.task(campaign, MAP_DECISION_MAKERS), people.lead(),
                Map.of("mapReviewed", true)))
                .hasMessageContaining("nobody on the map decides");
        fixture.contact(people, "Bea Boardchair", StakeholderGroup.SCHOOL_BOARD, true, "bea@board.example", "en");
        fixture.complete(fixture.task(campaign, MAP_DECISION_MAKERS), people.lead(), Map.of("mapReviewed", true));

        assertThat(pi).isWaitingAt(DRAFT_COMMUNICATION_PLAN).variables().doesNotContainKey("mapReviewed");
        assertThatThrownBy(() -> submit(campaign, people))
                .hasMessage("Plan ready: the plan has no rows yet: add at least one audience.");
        fixture.row(campaign, StakeholderGroup.SCHOOL_BOARD, people.ownerA(), "P2W", null);
        submit(campaign, people);

        assertThat(pi).isWaitingAt(APPROVE_COMMUNICATION_PLAN);
        assertThat(fixture.task(campaign, APPROVE_COMMUNICATION_PLAN)).isAssignedTo(people.approver())
                .hasDueDate(fixture.endOf(TODAY.plusDays(7)));
        assertThat(fixture.reload(campaign).planStatus()).isEqualTo(PlanStatus.SUBMITTED);
        assertThatThrownBy(() -> decide(campaign, people.approver(), "send-back", null))
                .hasMessage("Comments: are needed to send the plan back: say what to change.");
        decide(campaign, people.approver(), "send-back", "Add a row for the educator union.");

        assertThat(pi).isWaitingAt(DRAFT_COMMUNICATION_PLAN).variables()
                .containsEntry(Var.PLAN_APPROVED, false)
                .doesNotContainKeys("planDecision", "reviewComment");
        assertThat(fixture.task(campaign, DRAFT_COMMUNICATION_PLAN)).isAssignedTo(people.lead());
        assertThat(fixture.reload(campaign).planStatus()).isEqualTo(PlanStatus.SENT_BACK);
        assertThat(mailroom.queuedFor(people.lead(), MessageKind.PLAN_SENT_BACK)).singleElement()
                .satisfies(mail -> {
                    assertThat(mail.subject()).isEqualTo("Your communication plan for 2027-28 came back with comments");
                    assertThat(mail.bodyText()).contains("Add a row for the educator union.")
                            .contains("Abel Approver");
                });

        fixture.row(campaign, StakeholderGroup.EDUCATOR_UNION, people.ownerB(), "P1M", TODAY.plusDays(20));
        submit(campaign, people);
        decide(campaign, people.approver(), "approve", "Good to go.");

        assertThat(pi).hasPassed(OPEN_OUTREACH_TRACKS).isWaitingAt(RUN_OUTREACH_TRACKS, REVIEW_UNION_CONTRACTS,
                INVITE_TO_CO_DESIGN, BRIEF_SCHOOL_BOARD, BRIEF_COMMUNITY_PARTNERS, SHARE_FAMILY_TOOLKIT);
        assertThat(fixture.reload(campaign).planStatus()).isEqualTo(PlanStatus.APPROVED);
        assertThat(plans.reviews(campaign.id())).extracting(PlanReview::decision, PlanReview::comment,
                        PlanReview::decidedBy)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(PlanStatus.SENT_BACK, "Add a row for the educator union.",
                                people.approver()),
                        org.assertj.core.groups.Tuple.tuple(PlanStatus.APPROVED, "Good to go.", people.approver()));
        assertThat(tracks.ofCampaign(campaign.id())).extracting(Track::ownerUsername)
                .containsExactly(people.ownerA(), people.ownerB());
        assertThat(fixture.task(campaign, BRIEF_SCHOOL_BOARD)).isAssignedTo(people.lead())
                .hasDueDate(fixture.endOf(TODAY.plusWeeks(8)));
    }

    @Test
    void shouldRunTwoTracksOnTheirOwnCadencesWithRemindersAndMissedTouchpoints() {
        People people = fixture.district();
        Campaign campaign = approvedCampaign(people, null, List.of(
                new RowSpec(StakeholderGroup.SCHOOL_BOARD, people.ownerA(), "P1W", null),
                new RowSpec(StakeholderGroup.COMMUNITY_PARTNER, people.ownerB(), "P1M", TODAY.plusDays(10))));
        List<Track> both = tracks.ofCampaign(campaign.id());
        ProcessInstance weekly = fixture.track(campaign, both.get(0).id());
        ProcessInstance monthly = fixture.track(campaign, both.get(1).id());

        assertThat(weekly).isWaitingAt(TOUCHPOINT_WINDOW_OPENS);
        fixture.runDueJobs(campaign);
        assertThat(weekly).isWaitingAt(HOLD_TOUCHPOINT);
        assertThat(monthly).isWaitingAt(HOLD_TOUCHPOINT);
        Task firstWeekly = taskOf(weekly);
        assertThat(firstWeekly).isAssignedTo(people.ownerA()).hasCandidateGroupAssociated("managers")
                .hasDueDate(fixture.endOf(TODAY.plusDays(7)));
        assertThat(taskOf(monthly)).isAssignedTo(people.ownerB()).hasDueDate(fixture.endOf(TODAY.plusDays(10)));

        fixture.today(TODAY.plusDays(5));
        fixture.fire(weekly, TOUCHPOINT_DUE_SOON);
        assertThat(weekly).hasPassed(REMIND_TOUCHPOINT_OWNER).isWaitingAt(HOLD_TOUCHPOINT);
        assertThat(taskOf(weekly).getPriority()).isEqualTo(75);
        assertThat(mailroom.queuedFor(people.ownerA(), MessageKind.REMINDER)).extracting(OutboxMessage::subject)
                .containsExactly("Reminder: Hold the touchpoint is due Monday, September 13, 2027");

        fixture.today(TODAY.plusDays(6));
        holdTouchpoint(weekly, people.ownerA(), TODAY.plusDays(6), null, null, null);
        assertThat(weekly).isWaitingAt(TOUCHPOINT_WINDOW_OPENS).variables().containsEntry(Var.TOUCHPOINT_NUMBER, 2)
                .doesNotContainKeys("shared", "withWhom", "heldOn");
        fixture.today(TODAY.plusDays(8));
        fixture.runDueJobs(campaign);
        assertThat(taskOf(weekly)).hasDueDate(fixture.endOf(TODAY.plusDays(14)));

        fixture.today(TODAY.plusDays(14));
        fixture.runDueJobs(campaign);
        assertThat(monthly).hasPassed(RECORD_MISSED_TOUCHPOINT).isWaitingAt(HOLD_TOUCHPOINT);
        assertThat(taskOf(monthly)).as("the next month's touchpoint").hasDueDate(fixture.endOf(TODAY.plusDays(40)));
        assertThat(tracks.touchpoints(both.get(1).id())).extracting(Touchpoint::number, Touchpoint::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, TouchpointStatus.MISSED),
                        org.assertj.core.groups.Tuple.tuple(2, TouchpointStatus.OPEN));
        assertThat(tracks.touchpoints(both.get(0).id())).extracting(Touchpoint::number, Touchpoint::status,
                        Touchpoint::dueOn, Touchpoint::recordedBy)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, TouchpointStatus.HELD, TODAY.plusDays(7), people.ownerA()),
                        org.assertj.core.groups.Tuple.tuple(2, TouchpointStatus.OPEN, TODAY.plusDays(14), null));
        assertThat(tracks.touchpoint(both.get(0).id(), 1).orElseThrow().shared()).isEqualTo("The tutoring research brief.");
    }

    @Test
    void shouldEndATrackWhenNoTouchpointIsLeftBeforeTheCampaignsLastDay() {
        People people = fixture.district();
        Campaign campaign = approvedCampaign(people, TODAY.plusDays(20), List.of(
                new RowSpec(StakeholderGroup.MEDIA, people.ownerA(), "P1W", null)));
        Track track = tracks.ofCampaign(campaign.id()).get(0);
        ProcessInstance instance = fixture.track(campaign, track.id());

        fixture.runDueJobs(campaign);
        holdTouchpoint(instance, people.ownerA(), TODAY, null, null, null);
        fixture.today(TODAY.plusDays(8));
        fixture.runDueJobs(campaign);
        holdTouchpoint(instance, people.ownerA(), TODAY.plusDays(8), null, null, null);

        assertThat(instance).isEnded().hasPassed(TRACK_COMPLETE);
        assertThat(tracks.byId(track.id()).orElseThrow().closedOn()).isEqualTo(TODAY.plusDays(8));
        assertThat(tracks.touchpoints(track.id())).extracting(Touchpoint::dueOn)
                .containsExactly(TODAY.plusDays(7), TODAY.plusDays(14));
        assertThat(fixture.instance(campaign)).as("the fixed work is still open").isWaitingAt(REVIEW_UNION_CONTRACTS,
                INVITE_TO_CO_DESIGN, BRIEF_SCHOOL_BOARD, BRIEF_COMMUNITY_PARTNERS, SHARE_FAMILY_TOOLKIT);
    }

    @Test
    void shouldTurnFeedbackIntoAnAnswerTaskThenMailTheAnswerEvenWhenItComesLate() {
        People people = fixture.district();
        long bea = fixture.contact(people, "Beatriz Junta", StakeholderGroup.SCHOOL_BOARD, true, "beatriz@board.example",
                "es");
        Campaign campaign = approvedCampaign(people, null, List.of(
                new RowSpec(StakeholderGroup.SCHOOL_BOARD, people.ownerA(), "P2W", null)));
        ProcessInstance track = fixture.track(campaign, tracks.ofCampaign(campaign.id()).get(0).id());
        fixture.runDueJobs(campaign);

        assertThatThrownBy(() -> holdTouchpoint(track, people.ownerA(), TODAY, "Why not after school?", null, null))
                .hasMessage("Email of who gave the feedback: is required.");
        assertThatThrownBy(() -> holdTouchpoint(track, people.ownerA(), TODAY, "Why not after school?",
                "new.person@board.example", null))
                .hasMessageContaining("nobody on the map has the address new.person@board.example");
        holdTouchpoint(track, people.ownerA(), TODAY, "Why not after school?", "Beatriz@Board.example", null);

        Feedback feedback = feedbackLog.ofCampaign(campaign.id()).get(0);
        assertThat(feedback.contactId()).isEqualTo(bea);
        assertThat(feedback.dueOn()).isEqualTo(TODAY.plusDays(7));
        ProcessInstance loop = fixture.feedbackLoop(campaign, feedback.id());
        assertThat(loop).isWaitingAt(ANSWER_FEEDBACK).variables()
                .containsOnlyKeys(Var.FEEDBACK_ID, Var.CAMPAIGN_ID, Var.ANSWER_OWNER, Var.ANSWER_DUE,
                        Var.ANSWER_REMINDER_AT);
        assertThat(track).isWaitingAt(TOUCHPOINT_WINDOW_OPENS).variables().doesNotContainKeys("feedback",
                "feedbackFromEmail", Var.FEEDBACK_ID);
        assertThat(taskOf(loop)).isAssignedTo(people.ownerA()).hasDueDate(fixture.endOf(TODAY.plusDays(7)));

        fixture.today(TODAY.plusDays(5));
        fixture.fire(loop, ANSWER_DUE_SOON);
        assertThat(mailroom.queuedFor(people.ownerA(), MessageKind.REMINDER)).extracting(OutboxMessage::subject)
                .containsExactly("Reminder: Answer the feedback (\"you said, we did\") is due Monday, September 13, 2027");

        fixture.today(TODAY.plusDays(9));
        fixture.complete(taskOf(loop), people.ownerA(),
                Map.of("answer", "Tutoring moves into the school day from October, so buses are no issue."));

        assertThat(loop).isEnded().hasPassed(SEND_FEEDBACK_ANSWER, FEEDBACK_ANSWERED);
        Feedback answered = feedbackLog.byId(feedback.id()).orElseThrow();
        assertThat(answered.answeredLate()).isTrue();
        assertThat(answered.answeredBy()).isEqualTo(people.ownerA());
        OutboxMessage mail = outbox.find(answered.answerMessageId()).orElseThrow();
        assertThat(mail.kind()).isEqualTo(MessageKind.FEEDBACK_ANSWER);
        assertThat(mail.recipientUsername()).as("a contact, not a user").isNull();
        assertThat(mail.recipientAddress()).isEqualTo("beatriz@board.example");
        assertThat(mail.subject()).isEqualTo(people.district().name() + ": usted dijo, nosotros hicimos");
        assertThat(mail.bodyText()).contains("Hola, Beatriz Junta:").contains("Why not after school?")
                .contains("Tutoring moves into the school day from October");
        mailroom.deliver(mail);
        assertThat(mailroom.receivedBy("beatriz@board.example")).hasSize(1);
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(loop.getId())
                .variableName("answer").count()).as("the answer is not a process variable").isZero();
    }

    @Test
    void shouldAddWhoeverGaveFeedbackToTheMapWhenTheyAreNew() {
        People people = fixture.district();
        Campaign campaign = approvedCampaign(people, null, List.of(
                new RowSpec(StakeholderGroup.FAMILIES, people.ownerA(), "P2W", null)));
        ProcessInstance track = fixture.track(campaign, tracks.ofCampaign(campaign.id()).get(0).id());
        fixture.runDueJobs(campaign);

        holdTouchpoint(track, people.ownerA(), TODAY, "Send the updates in Spanish too.", "rosa@family.example",
                "Rosa Familia");

        Contact rosa = contacts.currentByEmail(people.district().id(), "rosa@family.example").orElseThrow();
        assertThat(rosa.fullName()).isEqualTo("Rosa Familia");
        assertThat(rosa.group()).isEqualTo(StakeholderGroup.FAMILIES);
        assertThat(rosa.ownerUsername()).isEqualTo(people.ownerA());
        assertThat(feedbackLog.ofCampaign(campaign.id())).extracting(Feedback::contactId).containsExactly(rosa.id());
    }

    @Test
    void shouldHandAnOwnersOpenWorkToANewOwnerMidTrackAndKeepWhatTheyDid() {
        People people = fixture.district();
        fixture.contact(people, "Carla Council", StakeholderGroup.LOCAL_GOVERNMENT, true, "carla@city.example", "en");
        Campaign campaign = approvedCampaign(people, null, List.of(
                new RowSpec(StakeholderGroup.LOCAL_GOVERNMENT, people.ownerA(), "P1W", null),
                new RowSpec(StakeholderGroup.MEDIA, people.ownerB(), "P1W", null)));
        Track first = tracks.ofCampaign(campaign.id()).get(0);
        ProcessInstance instance = fixture.track(campaign, first.id());
        fixture.runDueJobs(campaign);
        holdTouchpoint(instance, people.ownerA(), TODAY, "Can the library host sessions?", "carla@city.example", null);
        fixture.today(TODAY.plusDays(8));
        fixture.runDueJobs(campaign);
        Task second = taskOf(instance);
        assertThat(second).isAssignedTo(people.ownerA());

        Handover done = handover.handOver(campaign, new HandoverEntry(people.ownerA(), people.ownerC(),
                "Olga moved to another district."), people.lead());

        assertThat(done.tracksMoved()).isEqualTo(1);
        assertThat(done.tasksMoved()).as("the open touchpoint and the feedback's answer").isEqualTo(2);
        assertThat(taskOf(instance)).isAssignedTo(people.ownerC());
        assertThat(taskService.getTaskComments(second.getId())).extracting(Comment::getFullMessage)
                .containsExactly("Handed over from " + people.ownerA() + " to " + people.ownerC() + ".");
        Feedback feedback = feedbackLog.ofCampaign(campaign.id()).get(0);
        assertThat(taskOf(fixture.feedbackLoop(campaign, feedback.id()))).isAssignedTo(people.ownerC());
        assertThat(feedback.ownerUsername()).isEqualTo(people.ownerC());
        assertThat(tracks.byId(first.id()).orElseThrow().ownerUsername()).isEqualTo(people.ownerC());
        assertThat(plans.rows(campaign.id())).extracting(PlanRow::ownerUsername)
                .containsExactly(people.ownerC(), people.ownerB());
        assertThat(tracks.touchpoint(first.id(), 1).orElseThrow().recordedBy()).as("history keeps who did it")
                .isEqualTo(people.ownerA());
        assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(HOLD_TOUCHPOINT).finished().singleResult().getAssignee()).isEqualTo(people.ownerA());
        assertThat(handover.history(campaign.id())).extracting(Handover::fromUsername, Handover::toUsername,
                Handover::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(people.ownerA(), people.ownerC(),
                        "Olga moved to another district."));

        holdTouchpoint(instance, people.ownerC(), TODAY.plusDays(8), null, null, null);
        fixture.today(TODAY.plusDays(15));
        fixture.runDueJobs(campaign);
        assertThat(taskOf(instance)).as("later touchpoints go to the new owner").isAssignedTo(people.ownerC());
        assertThat(taskOf(fixture.track(campaign, tracks.ofCampaign(campaign.id()).get(1).id())))
                .as("the other owner's track is untouched").isAssignedTo(people.ownerB());
    }

    @Test
    void shouldHandTheCampaignsLeadToAnotherManager() {
        People people = fixture.district();
        Campaign campaign = approvedCampaign(people, null, List.of(
                new RowSpec(StakeholderGroup.SCHOOL_BOARD, people.ownerA(), "P1M", null)));

        Handover done = handover.handOver(campaign, new HandoverEntry(people.lead(), people.approver(),
                "Lena is on leave."), people.approver());

        assertThat(done.tasksMoved()).as("the five pieces of fixed work").isEqualTo(5);
        assertThat(fixture.task(campaign, SHARE_FAMILY_TOOLKIT)).isAssignedTo(people.approver());
        assertThat(fixture.reload(campaign).leadUsername()).isEqualTo(people.approver());
        assertThat(runtime.getVariable(campaign.processInstanceId(), Var.CAMPAIGN_LEAD)).isEqualTo(people.approver());
        assertThatThrownBy(() -> handover.handOver(fixture.reload(campaign), new HandoverEntry(people.teacher(),
                people.ownerA(), "Nothing to move."), people.approver()))
                .hasMessage("Hand over from: " + people.teacher() + " has no open work in this campaign.");
    }

    @Test
    void shouldRecordTheFixedPlaybookWorkAndRefuseWhatIsIncomplete() {
        People people = fixture.district();
        long union = fixture.contact(people, "Ulla Union", StakeholderGroup.EDUCATORS, false, "ulla@union.example",
                "es");
        Campaign campaign = approvedCampaign(people, null, List.of(
                new RowSpec(StakeholderGroup.EDUCATOR_UNION, people.ownerA(), "P1M", null)));

        assertThatThrownBy(() -> fixture.complete(fixture.task(campaign, REVIEW_UNION_CONTRACTS), people.lead(), values(
                "reviewedOn", TODAY.toString(), "contractPoints", "[\"school-day\",\"data-sharing\"]",
                "bargainingNeeded", "no")))
                .hasMessage("Points reviewed: 4 of the contract points are not checked yet: review every one.");
        String allPoints = "[\"school-day\",\"supplement-not-replace\",\"extra-time-pay\",\"data-sharing\","
                + "\"evaluation\",\"bargaining\"]";
        assertThatThrownBy(() -> fixture.complete(fixture.task(campaign, REVIEW_UNION_CONTRACTS), people.lead(), values(
                "reviewedOn", TODAY.toString(), "contractPoints", allPoints, "bargainingNeeded", "yes")))
                .hasMessage("What must be bargained: is needed when something must be bargained.");
        fixture.complete(fixture.task(campaign, REVIEW_UNION_CONTRACTS), people.lead(), values(
                "reviewedOn", TODAY.toString(), "contractPoints", allPoints, "bargainingNeeded", "yes",
                "mustBargain", "Scheduling tutoring in the school day, with the union's local.",
                "contractNotes", "Article 12 covers extra duty pay."));

        assertThatThrownBy(() -> fixture.complete(fixture.task(campaign, INVITE_TO_CO_DESIGN), people.lead(), values(
                "sessionOn", TODAY.minusDays(1).toString(), "sessionPlace", "Library", "inviteGroups", "[\"teachers\"]")))
                .hasMessageContaining("has already passed");
        fixture.complete(fixture.task(campaign, INVITE_TO_CO_DESIGN), people.lead(), values(
                "sessionOn", TODAY.plusDays(14).toString(), "sessionPlace", "District office, room 2",
                "inviteGroups", "[\"teachers\",\"school-leaders\"]", "invitationNote", "Lunch is provided."));

        assertThatThrownBy(() -> fixture.complete(fixture.task(campaign, BRIEF_SCHOOL_BOARD), people.lead(), values(
                "briefedOn", TODAY.plusDays(1).toString(), "materialsShared", "[\"research\"]",
                "boardOutcome", "supportive")))
                .hasMessageContaining("is in the future");
        fixture.complete(fixture.task(campaign, BRIEF_SCHOOL_BOARD), people.lead(), values(
                "briefedOn", TODAY.toString(), "materialsShared", "[\"research\",\"costs\"]",
                "boardOutcome", "questions", "boardFollowUp", "Send the cost per student."));
        assertThatThrownBy(() -> fixture.complete(fixture.task(campaign, BRIEF_COMMUNITY_PARTNERS), people.lead(),
                values("briefedOn", TODAY.toString(), "audiencesBriefed", "[\"parliament\"]")))
                .hasMessage("Who was briefed: 'parliament' is not one of the choices.");
        fixture.complete(fixture.task(campaign, BRIEF_COMMUNITY_PARTNERS), people.lead(), values(
                "briefedOn", TODAY.toString(), "audiencesBriefed", "[\"community-partners\",\"local-government\"]",
                "partnerCommitments", "The library offers two rooms."));
        fixture.complete(fixture.task(campaign, SHARE_FAMILY_TOOLKIT), people.lead(), values(
                "sharedOn", TODAY.toString(), "schoolsReached", 1, "toolkitLanguages", "[\"en\",\"es\"]"));

        Map<PlaybookStep, PlaybookRecord> records = playbook.ofCampaign(campaign.id());
        assertThat(records).containsOnlyKeys(PlaybookStep.UNION_CONTRACTS, PlaybookStep.SCHOOL_BOARD,
                PlaybookStep.COMMUNITY, PlaybookStep.FAMILY_TOOLKIT);
        assertThat(records.get(PlaybookStep.UNION_CONTRACTS).items()).hasSize(6);
        assertThat(records.get(PlaybookStep.UNION_CONTRACTS).followUp()).startsWith("Scheduling tutoring");
        assertThat(records.get(PlaybookStep.SCHOOL_BOARD).outcome()).isEqualTo("questions");
        assertThat(records.get(PlaybookStep.FAMILY_TOOLKIT).reached()).isEqualTo(1);
        assertThat(records.get(PlaybookStep.FAMILY_TOOLKIT).items()).containsExactly("en", "es");

        CoDesignSession session = invitations.sessionsOf(campaign.id()).get(0);
        assertThat(session.place()).isEqualTo("District office, room 2");
        List<Invitation> invited = invitations.ofSession(session.id());
        assertThat(invited).extracting(Invitation::name).containsExactlyInAnyOrder("Tess Teacher "
                + people.teacher().substring("educator-".length()), "Pat Principal "
                + people.principal().substring("principal-".length()), "Omar Owner "
                + people.ownerB().substring("owner-b-".length()), "Ulla Union");
        Invitation ulla = invited.stream().filter(i -> Long.valueOf(union).equals(i.contactId())).findFirst().orElseThrow();
        OutboxMessage toUlla = outbox.find(ulla.messageId()).orElseThrow();
        assertThat(toUlla.kind()).isEqualTo(MessageKind.CODESIGN_INVITATION);
        assertThat(toUlla.recipientUsername()).isNull();
        assertThat(toUlla.bodyText()).contains("Sí, participaré: http://localhost:").contains("/rsvp/" + ulla.id() + ".")
                .contains("Lunch is provided.");
        assertThat(mailroom.queuedFor(people.teacher(), MessageKind.CODESIGN_INVITATION)).hasSize(1);
        assertThat(fixture.instance(campaign)).isWaitingAt(RUN_OUTREACH_TRACKS);
    }

    @Test
    void shouldReviewTheYearOnceTheOutreachAndTheFixedWorkAreDone() {
        People people = fixture.district();
        Campaign campaign = approvedCampaign(people, TODAY.plusDays(10), List.of(
                new RowSpec(StakeholderGroup.SCHOOL_BOARD, people.ownerA(), "P1W", null)));
        ProcessInstance pi = fixture.instance(campaign);
        doFixedWork(campaign, people);
        fixture.runDueJobs(campaign);
        ProcessInstance track = fixture.track(campaign, tracks.ofCampaign(campaign.id()).get(0).id());
        holdTouchpoint(track, people.ownerA(), TODAY, null, null, null);

        assertThat(pi).isWaitingAt(REVIEW_THE_YEAR);
        assertThat(fixture.task(campaign, REVIEW_THE_YEAR)).isAssignedTo(people.lead())
                .hasDueDate(fixture.endOf(TODAY.plusDays(40)));
        assertThatThrownBy(() -> fixture.complete(fixture.task(campaign, REVIEW_THE_YEAR), people.lead(), values(
                "keepDoing", "Board briefings.", "changeNext", "Start earlier.", "nextYear", "continue")))
                .hasMessage("What to fund: is required.");
        fixture.today(TODAY.plusDays(12));
        fixture.complete(fixture.task(campaign, REVIEW_THE_YEAR), people.lead(), values(
                "keepDoing", "Board briefings every month.", "changeNext", "Start the union review earlier.",
                "fundNext", "A family liaison for each middle school.", "nextYear", "continue-with-changes"));

        assertThat(pi).isEnded().hasPassed(CAMPAIGN_CLOSED);
        assertThat(fixture.reload(campaign).closedOn()).isEqualTo(TODAY.plusDays(12));
        YearReview review = yearReviews.of(campaign.id()).orElseThrow();
        assertThat(review.fundNext()).isEqualTo("A family liaison for each middle school.");
        assertThat(review.nextYear()).isEqualTo(NextYear.CONTINUE_WITH_CHANGES);
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
                .variableNameIn("keepDoing", "changeNext", "fundNext").count()).isZero();
    }

    record RowSpec(StakeholderGroup group, String owner, String cadence, LocalDate anchorOn) {
    }

    private Campaign approvedCampaign(People people, LocalDate endsOn, List<RowSpec> rows) {
        Campaign campaign = fixture.start(people, YEAR, endsOn);
        fixture.contact(people, "Dana Decider " + people.district().id(), StakeholderGroup.SCHOOL_BOARD, true,
                "decider-" + people.district().id() + "@board.example", "en");
        fixture.complete(fixture.task(campaign, MAP_DECISION_MAKERS), people.lead(), Map.of("mapReviewed", true));
        rows.forEach(row -> fixture.row(campaign, row.group(), row.owner(), row.cadence(), row.anchorOn()));
        submit(campaign, people);
        decide(campaign, people.approver(), "approve", null);
        return fixture.reload(campaign);
    }

    private void doFixedWork(Campaign campaign, People people) {
        fixture.complete(fixture.task(campaign, REVIEW_UNION_CONTRACTS), people.lead(), values(
                "reviewedOn", TODAY.toString(), "contractPoints", "[\"school-day\",\"supplement-not-replace\","
                        + "\"extra-time-pay\",\"data-sharing\",\"evaluation\",\"bargaining\"]", "bargainingNeeded", "no"));
        fixture.complete(fixture.task(campaign, INVITE_TO_CO_DESIGN), people.lead(), values(
                "sessionOn", TODAY.plusDays(3).toString(), "sessionPlace", "Library", "inviteGroups", "[\"teachers\"]"));
        fixture.complete(fixture.task(campaign, BRIEF_SCHOOL_BOARD), people.lead(), values(
                "briefedOn", TODAY.toString(), "materialsShared", "[\"research\"]", "boardOutcome", "approved"));
        fixture.complete(fixture.task(campaign, BRIEF_COMMUNITY_PARTNERS), people.lead(), values(
                "briefedOn", TODAY.toString(), "audiencesBriefed", "[\"media\"]"));
        fixture.complete(fixture.task(campaign, SHARE_FAMILY_TOOLKIT), people.lead(), values(
                "sharedOn", TODAY.toString(), "schoolsReached", 1, "toolkitLanguages", "[\"en\"]"));
    }

    private void submit(Campaign campaign, People people) {
        fixture.complete(fixture.task(campaign, DRAFT_COMMUNICATION_PLAN), people.lead(), Map.of("planReady", true));
    }

    private void decide(Campaign campaign, String manager, String decision, String comment) {
        fixture.complete(fixture.task(campaign, APPROVE_COMMUNICATION_PLAN), manager,
                values("planDecision", decision, "reviewComment", comment));
    }

    private void holdTouchpoint(ProcessInstance track, String owner, LocalDate heldOn, String feedback, String email,
                                String name) {
        fixture.complete(taskOf(track), owner, values("heldOn", heldOn.toString(),
                "shared", "The tutoring research brief.", "withWhom", "The board's finance committee",
                "feedback", feedback, "feedbackFromEmail", email, "feedbackFromName", name));
    }

    private Task taskOf(ProcessInstance instance) {
        return taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    }

    private static Map<String, Object> values(Object... pairs) {
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            values.put((String) pairs[i], pairs[i + 1]);
        }
        return values;
    }
}
