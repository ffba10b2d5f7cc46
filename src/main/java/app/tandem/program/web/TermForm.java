package app.tandem.program.web;

import java.util.List;

/** The "plan a term" form as it was filled in, to show again with what was refused. */
public record TermForm(List<Long> schoolIds, boolean allSchools, String code, String name, String startsOn,
                       String endsOn, String checkInCadence) {

    public TermForm {
        schoolIds = schoolIds == null ? List.of() : List.copyOf(schoolIds);
    }

    static TermForm blank(String cadence) {
        return new TermForm(List.of(), false, "", "", "", "", cadence);
    }

    public boolean picked(long schoolId) {
        return schoolIds.contains(schoolId);
    }
}
