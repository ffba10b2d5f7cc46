package app.tandem.system;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The one way Tandem writes CSV: a file a spreadsheet opens as it is, with a byte-order mark so accents
 * survive and a header row. A text cell that a spreadsheet would run as a formula (it starts with
 * {@code = + - @}, a tab or a carriage return) gets a leading apostrophe, so a school named
 * {@code =cmd|...} stays a name. Numbers and dates are written as they are.
 */
public final class SpreadsheetCsv {

    private static final String FORMULA_STARTS = "=+-@\t\r";

    private final CSVPrinter printer;

    private SpreadsheetCsv(CSVPrinter printer) {
        this.printer = printer;
    }

    /** Starts a file on {@code out} (not closed here: the writer belongs to the response) with its header. */
    public static SpreadsheetCsv start(Writer out, List<?> header) throws IOException {
        out.write('\uFEFF');
        SpreadsheetCsv csv = new SpreadsheetCsv(new CSVPrinter(out, CSVFormat.EXCEL));
        csv.row(header);
        return csv;
    }

    public void row(List<?> cells) throws IOException {
        List<Object> safe = new ArrayList<>(cells.size());
        for (Object cell : cells) {
            safe.add(safe(cell));
        }
        printer.printRecord(safe);
    }

    public void row(Object... cells) throws IOException {
        row(Arrays.asList(cells));
    }

    public void finish() throws IOException {
        printer.flush();
    }

    /** A cell as written: text that would start a formula is kept as text. */
    public static Object safe(Object cell) {
        if (cell == null) {
            return "";
        }
        if (cell instanceof CharSequence text && !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return cell;
    }
}
