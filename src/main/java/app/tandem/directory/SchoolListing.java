package app.tandem.directory;

import java.time.LocalDate;

/**
 * A school as the district's list of schools shows it.
 *
 * @param closedOn null while the school is open
 */
public record SchoolListing(School school, LocalDate closedOn, int terms) {

    public boolean open() {
        return closedOn == null;
    }
}
