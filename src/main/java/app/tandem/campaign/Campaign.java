package app.tandem.campaign;

import java.time.LocalDate;

/** A district's stakeholder campaign for one program year, run by its lead (a program manager). */
public record Campaign(long id, long districtId, String programYear, String businessKey, String leadUsername,
                       String approverUsername, LocalDate startsOn, LocalDate endsOn, PlanStatus planStatus,
                       String processInstanceId, LocalDate closedOn) {

    public boolean running() {
        return closedOn == null;
    }

    /** The plan can change only while it is with its author. */
    public boolean planEditable() {
        return running() && (planStatus == PlanStatus.DRAFT || planStatus == PlanStatus.SENT_BACK);
    }
}
