package app.tandem.dashboard;

import java.time.LocalDate;

/** A school and term with where its program stands: what the dashboard lists, before indicators. */
public record ProgramRow(long schoolId, String schoolCode, String schoolName, long termId, String termCode,
                  String termName, LocalDate startsOn, LocalDate endsOn, Standing standing, long districtId) {
}
