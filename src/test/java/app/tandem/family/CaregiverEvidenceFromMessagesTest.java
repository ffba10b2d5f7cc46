package app.tandem.family;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import app.tandem.TandemTest;
import app.tandem.dashboard.CaregiverEvidence;
import app.tandem.dashboard.CaregiverEvidence.CaregiverFacts;
import app.tandem.demo.DemoSeed;
import app.tandem.directory.Schools;
import app.tandem.directory.Terms;

@TandemTest
class CaregiverEvidenceFromMessagesTest {

    @Autowired
    DemoSeed demo;
    @Autowired
    CaregiverEvidence evidence;
    @Autowired
    Schools schools;
    @Autowired
    Terms terms;

    @Test
    void shouldGiveTheDashboardRiversidesCaregiverFiguresAndNoneYetForMaple() {
        demo.seed();
        long riverside = termOf("riverside");
        long maple = termOf("maple");

        Map<Long, CaregiverFacts> facts = evidence.ofTerms(List.of(riverside, maple));

        assertThat(facts).containsOnlyKeys(riverside);
        CaregiverFacts river = facts.get(riverside);
        assertThat(river.reachedBeforeStart().counted()).as("caregivers introduced (4e.2)").isPositive();
        assertThat(river.reachedBeforeStart().met()).isPositive();
        assertThat(river.updatedEachCycle().counted()).as("student updates counted (4e.1)").isPositive();
        assertThat(river.inPreferredLanguage().counted()).as("messages delivered (4e.3)").isPositive();
        assertThat(evidence.cyclesOf(riverside)).isNotEmpty()
                .allSatisfy(cycle -> assertThat(cycle.studentsUpdated()).isLessThanOrEqualTo(cycle.students()));
        assertThat(evidence.cyclesOf(maple)).isEmpty();
    }

    private long termOf(String schoolCode) {
        return terms.ofSchool(schools.byCode(schoolCode).orElseThrow().id()).get(0).id();
    }
}
