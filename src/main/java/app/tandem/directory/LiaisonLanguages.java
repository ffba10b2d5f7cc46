package app.tandem.directory;

import java.util.List;

/**
 * The languages besides English a district's families read, each with its liaisons' group (liaisons-vi): what a
 * person may be added to as a liaison who speaks it. The family feature knows them and provides this as a bean;
 * until it does, {@link #NONE}.
 */
public interface LiaisonLanguages {

    LiaisonLanguages NONE = districtId -> List.of();

    /** Language tags such as es or vi, sorted; for null, those of every district. */
    List<String> of(Long districtId);
}
