package app.tandem.campaign.web;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Component;

import app.tandem.campaign.DistrictStaff;
import app.tandem.campaign.PlanRow;
import app.tandem.system.Messages;

/**
 * The communication plan as CSV a spreadsheet opens as it is: a byte-order mark so accents survive, a header
 * row in the reader's language, one row per plan row. A cell that a spreadsheet would run as a formula gets a
 * leading apostrophe, so typed text stays text.
 */
@Component
class PlanCsv {

    private final Messages messages;
    private final DistrictStaff staff;

    PlanCsv(Messages messages, DistrictStaff staff) {
        this.messages = messages;
        this.staff = staff;
    }

    void write(List<PlanRow> rows, Writer out) throws IOException {
        out.write('\uFEFF');
        // Not closed here: the writer belongs to the response.
        CSVPrinter csv = new CSVPrinter(out, CSVFormat.EXCEL);
        csv.printRecord(List.of(messages.text("campaign.csv.row"), label("rowGroup"), label("audience"), label("keyMessage"), label("theAsk"),
                label("rowOwner"), label("rowChannel"), label("rowLanguage"), label("cadence"), label("anchorOn"),
                label("feedbackLoop")));
        for (PlanRow row : rows) {
            csv.printRecord(row.sortOrder(), messages.text(row.group().messageKey()), text(row.audience()),
                    text(row.keyMessage()), text(row.theAsk()), text(staff.nameOf(row.ownerUsername())),
                    messages.text(row.channel().messageKey()), messages.text("language." + row.language()),
                    row.cadence().toString(), row.anchorOn() == null ? "" : row.anchorOn().toString(),
                    text(row.feedbackLoop()));
        }
        csv.flush();
    }

    private String label(String field) {
        return messages.text("field." + field);
    }

    static String text(String value) {
        if (value != null && !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            return "'" + value;
        }
        return value;
    }
}
