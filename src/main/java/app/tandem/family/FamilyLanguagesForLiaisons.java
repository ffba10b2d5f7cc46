package app.tandem.family;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.tandem.directory.LiaisonLanguages;
import app.tandem.directory.StaffGroups;

/**
 * The languages liaisons are grouped by: those with reviewed family texts (a caregiver may choose one any day) and
 * those the district's caregivers prefer, English aside (its liaisons are the liaisons' group itself).
 */
@Repository
class FamilyLanguagesForLiaisons implements LiaisonLanguages {

    private final JdbcClient jdbc;
    private final FamilySettings settings;

    FamilyLanguagesForLiaisons(JdbcClient jdbc, FamilySettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    @Override
    public List<String> of(Long districtId) {
        List<String> preferred = jdbc.sql("select distinct preferred_language from caregiver"
                        + (districtId == null ? "" : " where district_id = :district"))
                .params(districtId == null ? Map.of() : Map.of("district", districtId))
                .query(String.class)
                .list();
        return languages(settings.reviewedLanguages(), preferred);
    }

    private static List<String> languages(Collection<String> reviewed, Collection<String> preferred) {
        TreeSet<String> languages = new TreeSet<>();
        for (Collection<String> some : List.of(reviewed, preferred)) {
            some.stream().map(FamilyLanguages::normalize).flatMap(Optional::stream)
                    .filter(language -> !FamilyLanguages.ENGLISH.equals(language))
                    .filter(language -> StaffGroups.isLanguageGroup(FamilyLanguages.liaisonGroup(language)))
                    .forEach(languages::add);
        }
        return List.copyOf(languages);
    }
}
