package app.tandem.family.web;

import org.springframework.stereotype.Component;

import app.tandem.directory.Role;
import app.tandem.directory.Viewer;
import app.tandem.family.FamilyLanguages;
import app.tandem.family.PhraseBook;

/** Who may read a language's phrase book (its liaisons, managers, operators) and who may review it (its liaisons). */
@Component
class PhraseBookAccess {

    private final PhraseBook book;

    PhraseBookAccess(PhraseBook book) {
        this.book = book;
    }

    boolean mayRead(Viewer who, String language) {
        return book.keeps(language) && (who.hasAny(Role.MANAGER, Role.OPERATOR) || speaks(who, language));
    }

    /** Operators too, who may change everything. */
    boolean mayReview(Viewer who, String language) {
        return book.keeps(language) && (who.operator() || speaks(who, language));
    }

    private static boolean speaks(Viewer who, String language) {
        return who.groups().contains(FamilyLanguages.liaisonGroup(language));
    }
}
