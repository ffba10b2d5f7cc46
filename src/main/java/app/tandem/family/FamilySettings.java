package app.tandem.family;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param reviewedLanguages    languages whose family texts a translator has reviewed; caregivers who read
 *                             another language get a liaison's translation
 * @param updateEveryWeeks     how many weeks apart a student's progress updates go out
 * @param weeklyFromSessions   students with at least this many sessions a week get an update every week
 * @param phraseBookLanguages  the district's next languages: each has a phrase book for liaisons to review, drafted
 *                             where the family bundle has a draft
 */
@ConfigurationProperties("tandem.family")
public record FamilySettings(List<String> reviewedLanguages, int updateEveryWeeks, int weeklyFromSessions,
                             List<String> phraseBookLanguages) {
}
