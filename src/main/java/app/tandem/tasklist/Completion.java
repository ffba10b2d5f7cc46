package app.tandem.tasklist;

import app.tandem.forms.FormSubmission;

/**
 * The end of a form submission: either a notice (done, or refused because the task moved on), or
 * the submission to show again with its refused fields marked.
 *
 * @param problem a refusal that names no field of the form, shown above it
 */
public record Completion(Notice notice, FormSubmission resubmit, String problem) {

    static Completion of(Notice notice) {
        return new Completion(notice, null, null);
    }

    static Completion again(FormSubmission submission, String problem) {
        return new Completion(null, submission, problem);
    }

    public boolean needsCorrection() {
        return resubmit != null;
    }
}
