package app.tandem.tasklist;

import java.util.Arrays;
import java.util.Optional;

/** The tabs of the task list. */
public enum InboxView {
    MINE("mine"),
    GROUP("group"),
    DUE_SOON("soon"),
    OVERDUE("overdue"),
    COMPLETED("done"),
    DISTRICT("district");

    private final String param;

    InboxView(String param) {
        this.param = param;
    }

    public String param() {
        return param;
    }

    public String messageKey() {
        return "tasklist.view." + param;
    }

    public static Optional<InboxView> ofParam(String param) {
        return Arrays.stream(values()).filter(view -> view.param.equals(param)).findFirst();
    }
}
