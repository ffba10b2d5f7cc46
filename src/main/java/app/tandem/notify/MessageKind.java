package app.tandem.notify;

/** What an outgoing message is; each has its mail template under templates/mail/. */
public enum MessageKind {
    TASK_ASSIGNED("task-assigned"),
    TASK_OFFERED("task-offered"),
    REMINDER("reminder"),
    ESCALATION("escalation"),
    LANGUAGE_WITHOUT_LIAISON("language-without-liaison"),
    MEETING_INVITE("meeting-invite"),
    MEETING_UPDATE("meeting-update"),
    MEETING_CANCELLED("meeting-cancelled"),
    DAILY_DIGEST("daily-digest"),
    CAREGIVER_INTRODUCTION("caregiver-introduction"),
    CAREGIVER_UPDATE("caregiver-update"),
    FAMILY_ANSWER("family-answer"),
    PLAN_SENT_BACK("plan-sent-back"),
    CODESIGN_INVITATION("codesign-invitation"),
    FEEDBACK_ANSWER("feedback-answer"),
    STAFF_INVITATION("staff-invitation"),
    PASSWORD_RESET("password-reset");

    private final String template;

    MessageKind(String template) {
        this.template = template;
    }

    public String template() {
        return template;
    }

    /** Mail to a family: it carries a reply address and a one-click unsubscribe. */
    public boolean toFamily() {
        return this == CAREGIVER_INTRODUCTION || this == CAREGIVER_UPDATE || this == FAMILY_ANSWER;
    }

    public String messageKey() {
        return "outbox.kind." + template;
    }
}
