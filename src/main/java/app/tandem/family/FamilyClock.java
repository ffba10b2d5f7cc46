package app.tandem.family;

import java.time.Instant;
import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import app.tandem.system.DistrictClock;


/** Now and today on the engine's clock (tests move it), and who completed a task. */
@Component
class FamilyClock {

    private final DistrictClock calendar;

    FamilyClock(DistrictClock calendar) {
        this.calendar = calendar;
    }

    Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    LocalDate today() {
        return calendar.today();
    }

    static long id(VariableScope scope, String name) {
        return ((Number) scope.getVariable(name)).longValue();
    }

    static String completedBy(DelegateTask task) {
        Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (authentication != null && authentication.getUserId() != null) {
            return authentication.getUserId();
        }
        return task.getAssignee();
    }
}
