package app.tandem.tasklist;

import java.util.List;

/**
 * What happened when a person acted on a task, to tell them in their language.
 *
 * @param done false when nothing changed, such as claiming a task a colleague claimed a moment ago
 */
public record Notice(boolean done, String code, List<Object> args) {

    static Notice done(String code, Object... args) {
        return new Notice(true, code, List.of(args));
    }

    static Notice refused(String code, Object... args) {
        return new Notice(false, code, List.of(args));
    }
}
