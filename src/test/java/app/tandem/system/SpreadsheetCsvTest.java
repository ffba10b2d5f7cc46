package app.tandem.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The one CSV writer: what a spreadsheet would run as a formula stays text, everything else as it was. */
class SpreadsheetCsvTest {

    @Test
    void shouldKeepTextThatStartsAFormulaAsText() {
        assertThat(SpreadsheetCsv.safe("=cmd|' /C calc'!A0")).isEqualTo("'=cmd|' /C calc'!A0");
        assertThat(SpreadsheetCsv.safe("+1+1")).isEqualTo("'+1+1");
        assertThat(SpreadsheetCsv.safe("-2+3")).isEqualTo("'-2+3");
        assertThat(SpreadsheetCsv.safe("@SUM(A1:A2)")).isEqualTo("'@SUM(A1:A2)");
        assertThat(SpreadsheetCsv.safe("\t=1+1")).isEqualTo("'\t=1+1");
        assertThat(SpreadsheetCsv.safe("\r=1+1")).isEqualTo("'\r=1+1");
    }

    @Test
    void shouldWriteNumbersDatesAndOrdinaryTextAsTheyAre() {
        assertThat(SpreadsheetCsv.safe(-5)).isEqualTo(-5);
        assertThat(SpreadsheetCsv.safe(new BigDecimal("-0.5"))).isEqualTo(new BigDecimal("-0.5"));
        assertThat(SpreadsheetCsv.safe(LocalDate.of(2027, 2, 1))).isEqualTo(LocalDate.of(2027, 2, 1));
        assertThat(SpreadsheetCsv.safe("Maple Street = home")).isEqualTo("Maple Street = home");
        assertThat(SpreadsheetCsv.safe("")).isEqualTo("");
        assertThat(SpreadsheetCsv.safe(null)).isEqualTo("");
    }

    @Test
    void shouldWriteAByteOrderMarkAHeaderAndQuotedSafeRows() throws Exception {
        StringWriter out = new StringWriter();

        SpreadsheetCsv csv = SpreadsheetCsv.start(out, List.of("School", "Students"));
        csv.row("=cmd|' /C calc'!A0", -3);
        csv.row("Cedar, \"north\"", 12);
        csv.finish();

        assertThat(out.toString()).isEqualTo("\uFEFFSchool,Students\r\n"
                + "'=cmd|' /C calc'!A0,-3\r\n"
                + "\"Cedar, \"\"north\"\"\",12\r\n");
    }
}
