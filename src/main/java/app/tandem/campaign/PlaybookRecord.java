package app.tandem.campaign;

import java.time.LocalDate;
import java.util.List;

/**
 * What was done for one step of the playbook's fixed work.
 *
 * @param outcome  the step's one answer (the board's response, whether bargaining is needed), as a form code
 * @param items    the step's checked codes (contract points reviewed, materials shared, audiences, languages)
 * @param reached  a count where the step has one (schools the toolkit reached)
 */
record PlaybookRecord(long id, long campaignId, PlaybookStep step, LocalDate doneOn, String outcome,
                      List<String> items, String details, String followUp, Integer reached,
                      String recordedBy) {
}
