package app.tandem.family.progress;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import app.tandem.family.CaregiverProcesses;
import app.tandem.tasklist.FormDefaults;
import app.tandem.tasklist.TaskRecord;

/** The draft task's form opens with the update the tutoring data suggests. */
@Component
class DraftDefaults implements FormDefaults {

    private final DraftSuggestions suggestions;

    DraftDefaults(DraftSuggestions suggestions) {
        this.suggestions = suggestions;
    }

    @Override
    public Map<String, List<String>> of(TaskRecord task) {
        if (!CaregiverProcesses.UPDATE_PROCESS_KEY.equals(task.processKey())
                || !CaregiverProcesses.DRAFT_UPDATE.equals(task.taskKey())) {
            return Map.of();
        }
        return suggestions.forProcessInstance(task.processInstanceId()).map(Suggestion::asEntered).orElse(Map.of());
    }
}
