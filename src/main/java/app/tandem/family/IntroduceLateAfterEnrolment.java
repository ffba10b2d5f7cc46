package app.tandem.family;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/** Once new students are saved (never for a refused or rolled-back import), their caregivers are introduced late. */
@Component
class IntroduceLateAfterEnrolment {

    private final LateIntroductions introductions;

    IntroduceLateAfterEnrolment(LateIntroductions introductions) {
        this.introductions = introductions;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(StudentsEnrolled enrolled) {
        enrolled.schoolIds().forEach(introductions::introduceAt);
    }
}
