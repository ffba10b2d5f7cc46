package app.tandem.directory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Who is led to set up a district when they sign in. */
class DistrictSetupTest {

    @Test
    void shouldLeadAnOperatorToSetUpTheFirstDistrictOfAnEmptyInstall() {
        assertThat(DistrictSetup.needsSetup(true, 0)).isTrue();
    }

    @Test
    void shouldLeadNobodyElseToSetUpAndNobodyOnceADistrictExists() {
        assertThat(DistrictSetup.needsSetup(false, 0)).isFalse();
        assertThat(DistrictSetup.needsSetup(true, 1)).isFalse();
        assertThat(DistrictSetup.needsSetup(false, 3)).isFalse();
    }
}
