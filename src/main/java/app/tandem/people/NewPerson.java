package app.tandem.people;

import java.util.List;

/** A person as the "Add a person" form gives them, before anything is checked. */
public record NewPerson(String username, String fullName, String email, String language, List<String> groups,
                        List<Long> schoolIds) {

    public NewPerson {
        groups = groups == null ? List.of() : List.copyOf(groups);
        schoolIds = schoolIds == null ? List.of() : List.copyOf(schoolIds);
    }

    public static NewPerson blank() {
        return new NewPerson("", "", "", "en", List.of(), List.of());
    }
}
