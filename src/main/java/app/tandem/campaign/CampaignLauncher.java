package app.tandem.campaign;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.tandem.campaign.StakeholderCampaign.Var;
import app.tandem.directory.StaffMember;
import app.tandem.system.DistrictClock;
import app.tandem.system.FieldErrors;
import app.tandem.system.InvalidInputException;

/** Starts a district's campaign for a program year, after checking what the model will rely on. */
@Service
public class CampaignLauncher {

    /** A program year such as 2026-27: the second part is the year after the first. */
    private static final Pattern PROGRAM_YEAR = Pattern.compile("(\\d{4})-(\\d{2})");
    /** Program years end with the school year, on the last day of June, unless the manager says otherwise. */
    private static final MonthDay YEAR_ENDS = MonthDay.of(6, 30);

    private final Campaigns campaigns;
    private final DistrictStaff staff;
    private final Checks checks;
    private final DistrictClock clock;
    private final CampaignSettings settings;
    private final RuntimeService runtime;
    private final HistoryService history;

    CampaignLauncher(Campaigns campaigns, DistrictStaff staff, Checks checks, DistrictClock clock,
                     CampaignSettings settings, RuntimeService runtime, HistoryService history) {
        this.campaigns = campaigns;
        this.staff = staff;
        this.checks = checks;
        this.clock = clock;
        this.settings = settings;
        this.runtime = runtime;
        this.history = history;
    }

    /** A checked start form. */
    private record Checked(String programYear, LocalDate endsOn, String approver) {
    }

    public FieldErrors check(long districtId, CampaignEntry entry) {
        FieldErrors errors = new FieldErrors();
        Contacts.attempt(errors, () -> programYear(districtId, entry.programYear()));
        Contacts.attempt(errors, () -> endsOn(entry));
        Contacts.attempt(errors, () -> approver(districtId, entry.planApprover()));
        return errors;
    }

    /** @return the new campaign's id */
    @Transactional
    public long start(long districtId, String lead, CampaignEntry entry) {
        FieldErrors errors = check(districtId, entry);
        if (!errors.isEmpty()) {
            String field = errors.all().keySet().iterator().next();
            throw new InvalidInputException(field, errors.of(field));
        }
        Checked checked = new Checked(entry.programYear().strip(), endsOn(entry), approver(districtId, entry.planApprover()));
        String businessKey = StakeholderCampaign.businessKey(staff.districtCode(districtId).orElseThrow(),
                checked.programYear());
        if (history.createHistoricProcessInstanceQuery().processDefinitionKey(StakeholderCampaign.PROCESS_KEY)
                .processInstanceBusinessKey(businessKey).count() > 0) {
            throw checks.invalid("programYear", "campaign.invalid.yearTaken", checked.programYear());
        }
        LocalDate today = clock.today();
        long id = campaigns.insert(districtId, checked.programYear(), businessKey, lead, checked.approver(), today,
                checked.endsOn(), clock.dateTime());
        String processInstanceId = runtime.startProcessInstanceByKey(StakeholderCampaign.PROCESS_KEY, businessKey,
                Variables.createVariables()
                        .putValue(Var.CAMPAIGN_ID, id)
                        .putValue(Var.CAMPAIGN_LEAD, lead)
                        .putValue(Var.PLAN_APPROVER, checked.approver())
                        .putValue(Var.CAMPAIGN_ENDS_AT, clock.startOf(checked.endsOn().plusDays(1)))
                        .putValue(Var.MAP_DUE, clock.endOf(today.plus(settings.mapWithin())))
                        .putValue(Var.PLAN_DUE, clock.endOf(today.plus(settings.mapWithin()).plus(settings.planWithin())))
                        .putValue(Var.REVIEW_DUE, clock.endOf(checked.endsOn().plus(settings.reviewWithin()))))
                .getId();
        campaigns.recordProcessInstance(id, processInstanceId);
        return id;
    }

    /** The last day of June that ends the program year, such as 2027-06-30 for 2026-27. */
    public static LocalDate defaultEndOf(String programYear) {
        Matcher matcher = PROGRAM_YEAR.matcher(programYear == null ? "" : programYear.strip());
        return matcher.matches() ? YEAR_ENDS.atYear(Integer.parseInt(matcher.group(1)) + 1) : null;
    }

    /** The program year that is under way today, or about to start. */
    public String currentProgramYear() {
        LocalDate today = clock.today();
        int first = today.isAfter(YEAR_ENDS.atYear(today.getYear())) ? today.getYear() : today.getYear() - 1;
        return first + "-" + String.format("%02d", (first + 1) % 100);
    }

    private String programYear(long districtId, String value) {
        String year = checks.required("programYear", value, 7);
        Matcher matcher = PROGRAM_YEAR.matcher(year);
        if (!matcher.matches()
                || (Integer.parseInt(matcher.group(1)) + 1) % 100 != Integer.parseInt(matcher.group(2))) {
            throw checks.invalid("programYear", "campaign.invalid.programYear", year);
        }
        if (campaigns.byDistrictAndYear(districtId, year).isPresent()) {
            throw checks.invalid("programYear", "campaign.invalid.yearTaken", year);
        }
        return year;
    }

    private LocalDate endsOn(CampaignEntry entry) {
        LocalDate endsOn = checks.date("campaignEndsOn", entry.campaignEndsOn(), false);
        if (endsOn == null) {
            endsOn = defaultEndOf(entry.programYear());
            if (endsOn == null) {
                throw checks.invalid("campaignEndsOn", "invalid.required");
            }
        }
        LocalDate today = clock.today();
        if (!endsOn.isAfter(today)) {
            throw checks.invalid("campaignEndsOn", "campaign.invalid.endsBeforeToday", endsOn);
        }
        if (endsOn.isAfter(today.plusMonths(18))) {
            throw checks.invalid("campaignEndsOn", "campaign.invalid.endsTooLate", endsOn);
        }
        return endsOn;
    }

    private String approver(long districtId, String username) {
        StaffMember approver = checks.staffOf("planApprover", username, districtId);
        if (staff.managers(districtId).stream().noneMatch(m -> m.username().equals(approver.username()))) {
            throw checks.invalid("planApprover", "campaign.invalid.notManager", approver.fullName());
        }
        return approver.username();
    }
}
