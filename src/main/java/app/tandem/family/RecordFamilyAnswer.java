package app.tandem.family;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import app.tandem.family.AnswerFamily.Var;
import app.tandem.forms.CompletedBy;
import app.tandem.forms.SubmittedForm;
import app.tandem.forms.SubmittedForms;
import app.tandem.system.DistrictClock;
import app.tandem.system.Messages;
import app.tandem.system.ProcessVariables;

/**
 * Keeps a liaison's answer (or what they did instead) with the family's reply; the process learns only
 * whether there is an answer to send.
 */
@Component("recordFamilyAnswer")
class RecordFamilyAnswer implements TaskListener {

    static final String ANSWER = "familyAnswer";
    static final String NO_ANSWER = "noAnswerNeeded";
    static final String IN_THEIR_LANGUAGE = "answeredInTheirLanguage";
    static final String NOTE = "replyNote";

    private final SubmittedForms forms;
    private final FamilyReplies replies;
    private final Messages messages;
    private final DistrictClock clock;

    RecordFamilyAnswer(SubmittedForms forms, FamilyReplies replies, Messages messages, DistrictClock clock) {
        this.forms = forms;
        this.replies = replies;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        long replyId = ProcessVariables.id(task, Var.REPLY_ID);
        SubmittedForm form = forms.of(task);
        boolean answerKnownFamily = AnswerFamily.ANSWER_FAMILY.equals(task.getTaskDefinitionKey());
        String text = form.text(answerKnownFamily ? ANSWER : NOTE, 8000);
        boolean noAnswer = answerKnownFamily && form.flag(NO_ANSWER);
        boolean inTheirLanguage = answerKnownFamily && form.flag(IN_THEIR_LANGUAGE);
        if (text == null && !noAnswer) {
            throw messages.invalid(answerKnownFamily ? ANSWER : NOTE, "invalid.required");
        }
        form.discardFromProcess();
        String language = replies.find(replyId).filter(reply -> inTheirLanguage).map(FamilyReply::language)
                .orElse(FamilyLanguages.ENGLISH);
        replies.recordAnswer(replyId, text, language, CompletedBy.of(task), clock.now());
        task.getExecution().setVariable(Var.ANSWER_TO_SEND, answerKnownFamily && !noAnswer);
    }
}
