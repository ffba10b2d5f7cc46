package app.tandem.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

class PeriodsTest {

    private final Periods periods = new Periods(new Messages(bundle()));

    @AfterEach
    void englishAgain() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void shouldSayACadenceInWordsWhateverWayItWasTyped() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(periods.every("P1W")).isEqualTo("Every week");
        assertThat(periods.every("P7D")).isEqualTo("Every week");
        assertThat(periods.every("P14D")).isEqualTo("Every 2 weeks");
        assertThat(periods.every("P3D")).isEqualTo("Every 3 days");
        assertThat(periods.every("P1M")).isEqualTo("Every month");
        assertThat(periods.every("P1M15D")).isEqualTo("Every 1 month and 15 days");
        assertThat(periods.inSentence("P2W")).isEqualTo("every 2 weeks");
        assertThat(periods.span("P1D")).isEqualTo("1 day");
        assertThat(periods.inSentence("fortnightly")).isEqualTo("fortnightly");
        assertThat(periods.readable("P14D")).isEqualTo("2 weeks");
        assertThat(periods.readable("2026-27 2026-08-17/2027-06-04")).isEqualTo("2026-27 2026-08-17/2027-06-04");
    }

    @Test
    void shouldSayItInSpanish() {
        LocaleContextHolder.setLocale(Locale.forLanguageTag("es"));
        assertThat(periods.every("P2W")).isEqualTo("Cada 2 semanas");
        assertThat(periods.every("P1M")).isEqualTo("Cada mes");
        assertThat(periods.span("P1Y2M")).isEqualTo("1 año y 2 meses");
    }

    private static ResourceBundleMessageSource bundle() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames("messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }
}
