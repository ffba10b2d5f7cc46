package app.tandem.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class ProgramYearTest {

    private final ProgramYear year = new ProgramYear("2026-27", LocalDate.of(2026, 8, 15), LocalDate.of(2027, 6, 30));

    @Test
    void shouldPlaceATermInTheYearThatHoldsItsFirstDay() {
        assertThat(year.containing(LocalDate.of(2026, 9, 1)).name()).isEqualTo("2026-27");
        assertThat(year.containing(LocalDate.of(2027, 3, 1)).name()).isEqualTo("2026-27");
        assertThat(year.containing(LocalDate.of(2027, 9, 1))).isEqualTo(
                new ProgramYear("2027-28", LocalDate.of(2027, 8, 15), LocalDate.of(2028, 6, 30)));
        assertThat(year.containing(LocalDate.of(2026, 2, 1)).name()).isEqualTo("2025-26");
        assertThat(year.containing(LocalDate.of(2099, 12, 31)).name()).isEqualTo("2099-00");
    }

    @Test
    void shouldGiveASummerTermToTheYearThatFollows() {
        assertThat(year.containing(LocalDate.of(2027, 7, 20)).name()).isEqualTo("2027-28");
        assertThat(year.containing(LocalDate.of(2026, 7, 20)).name()).isEqualTo("2026-27");
    }
}
