package app.tandem.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;

/** One style per language for days, moments, times and sizes, whatever type the day comes in. */
class FormatsTest {

    private final DistrictClock clock = mock(DistrictClock.class);
    private final Formats formats = new Formats(clock);

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void shouldWriteADayTheSameWayWhateverItsTypeInTheReadersLanguage() {
        when(clock.zone()).thenReturn(ZoneId.of("America/Chicago"));
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        LocalDate day = LocalDate.of(2027, 2, 4);
        // 02:00 UTC on the 5th is still the 4th in Chicago.
        Instant lateEvening = Instant.parse("2027-02-05T02:00:00Z");
        assertThat(formats.day(day)).isEqualTo("Feb 4, 2027");
        assertThat(formats.day(lateEvening)).isEqualTo("Feb 4, 2027");
        assertThat(formats.day("2027-02-04")).isEqualTo("Feb 4, 2027");
        assertThat(formats.day(null)).isEmpty();
        assertThat(formats.moment(lateEvening)).isEqualTo("Feb 4, 2027, 8:00 PM");
        assertThat(formats.time(LocalTime.of(16, 0))).isEqualTo("4:00 PM");

        LocaleContextHolder.setLocale(Locale.forLanguageTag("es"));
        assertThat(formats.day(day)).isEqualTo("4 feb 2027");
        assertThat(formats.time(LocalTime.of(16, 0))).isEqualTo("16:00");
    }

    @Test
    void shouldGroupAQuantityAsTheLanguageDoesAndWriteSizesInKilobytesOrMegabytes() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(formats.number(3095)).isEqualTo("3,095");
        assertThat(formats.size(12 * 1024)).isEqualTo("12 KB");
        assertThat(formats.size(3_565_158)).isEqualTo("3.4 MB");
        LocaleContextHolder.setLocale(Locale.forLanguageTag("es"));
        assertThat(formats.size(3_565_158)).isEqualTo("3,4 MB");
    }

    @Test
    void shouldWriteTheDaysInAStoredValueAndLeaveCodesAlone() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(formats.readable("2026-09-12/2026-12-04")).isEqualTo("Sep 12, 2026 – Dec 4, 2026");
        assertThat(formats.readable("opens 2026-09-12")).isEqualTo("opens Sep 12, 2026");
        assertThat(formats.readable("cedar/term-2026-09-12")).isEqualTo("cedar/term-2026-09-12");
        assertThat(formats.readable(null)).isEmpty();
    }

    @Test
    void shouldWriteMailDaysInWords() {
        assertThat(Formats.dayInWords(LocalDate.of(2027, 1, 4), Locale.ENGLISH)).isEqualTo("Monday, January 4, 2027");
        assertThat(Formats.longDay(LocalDate.of(2027, 1, 4), Locale.forLanguageTag("es"))).isEqualTo("4 de enero de 2027");
    }
}
