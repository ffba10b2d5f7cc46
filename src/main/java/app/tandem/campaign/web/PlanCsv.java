package app.tandem.campaign.web;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

import org.springframework.stereotype.Component;

import app.tandem.campaign.DistrictStaff;
import app.tandem.campaign.PlanRow;
import app.tandem.system.Messages;
import app.tandem.system.SpreadsheetCsv;

/**
 * The communication plan as CSV (through {@link SpreadsheetCsv}): a header row in the reader's language, one
 * row per plan row.
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
        SpreadsheetCsv csv = SpreadsheetCsv.start(out, List.of(messages.text("campaign.csv.row"), label("rowGroup"), label("audience"), label("keyMessage"), label("theAsk"),
                label("rowOwner"), label("rowChannel"), label("rowLanguage"), label("cadence"), label("anchorOn"),
                label("feedbackLoop")));
        for (PlanRow row : rows) {
            csv.row(row.sortOrder(), messages.text(row.group().messageKey()), row.audience(),
                    row.keyMessage(), row.theAsk(), staff.nameOf(row.ownerUsername()),
                    messages.text(row.channel().messageKey()), messages.text("language." + row.language()),
                    row.cadence().toString(), row.anchorOn() == null ? "" : row.anchorOn().toString(),
                    row.feedbackLoop());
        }
        csv.finish();
    }

    private String label(String field) {
        return messages.text("field." + field);
    }

}
