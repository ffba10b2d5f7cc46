package app.tandem.family.progress;

import java.util.List;

/**
 * The progress data format: a CSV file with this header, one row per student and week, as tutoring providers
 * export it. {@code week} is the ISO date (YYYY-MM-DD) of the week's Monday. The assessment columns are filled
 * only on the week a student took one; {@code subject} names what the student is tutored in, when the provider
 * says.
 */
public final class ProgressColumns {

    static final String STUDENT = "student";
    static final String WEEK = "week";
    static final String SCHEDULED = "sessions_scheduled";
    static final String ATTENDED = "sessions_attended";
    static final String MINUTES = "minutes";
    static final String SUBJECT = "subject";
    static final String ASSESSMENT = "assessment";
    static final String ASSESSMENT_DATE = "assessment_date";
    static final String SCORE = "score";
    static final String PLACEMENT = "placement";

    public static final List<String> ALL = List.of(STUDENT, WEEK, SCHEDULED, ATTENDED, MINUTES, SUBJECT, ASSESSMENT,
            ASSESSMENT_DATE, SCORE, PLACEMENT);

    /** The summary's one kind of row. */
    static final String RECORD = "week";

    private ProgressColumns() {
    }
}
