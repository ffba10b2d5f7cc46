package app.tandem.notify;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The task mail (reminders, escalations) of one batch. Rendering the templates took most of the time of writing a
 * burst of reminders, so each kind is rendered once per language and set of blank values with stand-ins for the
 * recipient's name and the task's line, and filled for each message. The first message of each such stencil is also
 * rendered in full and compared; a stencil that does not give the same message is not used.
 */
final class TaskMailBatch {

    private final MailComposer composer;
    private final Map<List<Object>, Optional<MailStencil>> stencils = new HashMap<>();

    TaskMailBatch(MailComposer composer) {
        this.composer = composer;
    }

    OutgoingMessage compose(String key, MessageKind kind, Recipient recipient, Object[] subjectArgs,
                            TaskMail.Line line) {
        Map<String, Object> model = Map.of("task", line);
        List<String> values = Arrays.asList(recipient.name(), line.name(), line.school(), line.dueOn(), line.link());
        if (values.contains(null)) {
            return composer.compose(key, kind, recipient, subjectArgs, model, null);
        }
        List<String> standIns = IntStream.range(0, values.size())
                .mapToObj(slot -> MailStencil.standIn(slot, values.get(slot))).toList();
        List<Object> shape = List.of(kind, recipient.locale(), standIns);
        Optional<MailStencil> stencil = stencils.get(shape);
        if (stencil == null) {
            OutgoingMessage full = composer.compose(key, kind, recipient, subjectArgs, model, null);
            Recipient standInRecipient = new Recipient(recipient.username(), standIns.get(0), recipient.address(),
                    recipient.language());
            TaskMail.Line standInLine = new TaskMail.Line(standIns.get(1), standIns.get(2), standIns.get(3),
                    standIns.get(4));
            stencils.put(shape, composer.stencil(kind, standInRecipient, Map.of("task", standInLine))
                    .filter(s -> full.equals(composer.compose(key, kind, recipient, subjectArgs, s, values))));
            return full;
        }
        return stencil.isPresent() ? composer.compose(key, kind, recipient, subjectArgs, stencil.get(), values)
                : composer.compose(key, kind, recipient, subjectArgs, model, null);
    }
}
