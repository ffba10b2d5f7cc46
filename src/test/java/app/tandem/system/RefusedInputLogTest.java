package app.tandem.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import app.tandem.TandemTest;
import app.tandem.campaign.Campaign;
import app.tandem.campaign.CampaignFixture;
import app.tandem.campaign.CampaignFixture.People;
import app.tandem.campaign.StakeholderCampaign;

/** A refused input is logged as what it is: one line naming the field, no stack trace, nothing the person typed. */
@TandemTest
@ExtendWith(OutputCaptureExtension.class)
class RefusedInputLogTest {

    @Autowired
    CampaignFixture fixture;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void shouldLogARefusedTaskCompletionInOneLineWithoutStackTraceOrItsMessage(CapturedOutput output) {
        fixture.today(LocalDate.of(2027, 9, 6));
        People people = fixture.district();
        Campaign campaign = fixture.start(people, "2027-28", null);

        assertThatThrownBy(() -> fixture.complete(fixture.task(campaign, StakeholderCampaign.MAP_DECISION_MAKERS),
                people.lead(), Map.of("mapReviewed", true)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("the map has nobody on it yet");

        assertThat(output.getAll())
                .contains("INFO").contains("Input refused, nothing saved: field mapReviewed")
                .doesNotContain("ENGINE-16004")
                .doesNotContain("InvalidInputException")
                .doesNotContain("the map has nobody on it yet");
    }
}
