package app.tandem.campaign.web;

import java.util.ArrayList;
import java.util.List;

import app.tandem.campaign.Contact;
import app.tandem.campaign.Influence;
import app.tandem.campaign.Stance;

/** The map drawn as a grid: one row per level of influence, one column per stance, the contacts in each cell. */
record DecisionMakerMap(List<Row> rows, int decisionMakers, int total) {

    record Row(Influence influence, List<Cell> cells) {
    }

    record Cell(Stance stance, List<Contact> contacts) {
    }

    static DecisionMakerMap of(List<Contact> contacts) {
        List<Row> rows = new ArrayList<>();
        for (Influence influence : Influence.values()) {
            List<Cell> cells = new ArrayList<>();
            for (Stance stance : Stance.values()) {
                cells.add(new Cell(stance, contacts.stream()
                        .filter(c -> c.influence() == influence && c.stance() == stance).toList()));
            }
            rows.add(new Row(influence, cells));
        }
        return new DecisionMakerMap(rows, (int) contacts.stream().filter(Contact::decisionMaker).count(),
                contacts.size());
    }
}
