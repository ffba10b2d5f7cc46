package app.tandem.family.roster;

import java.util.Locale;

import app.tandem.directory.StaffEditor;

/**
 * Who imports, and so what the file may change: their district, the schools they may touch (a manager: all of
 * the district's, and only a manager adds or renames schools) and the groups they may grant (see
 * {@link StaffEditor}). Errors are written in their language. With {@code inviteNewStaff}, each person the file adds
 * gets an invitation to choose their password once the import is saved.
 */
public record RosterScope(StaffEditor editor, Locale locale, boolean inviteNewStaff) {

    /** An import that sends no invitations. */
    public RosterScope(StaffEditor editor, Locale locale) {
        this(editor, locale, false);
    }

    public String username() {
        return editor.username();
    }

    public long districtId() {
        return editor.districtId();
    }

    public boolean manager() {
        return editor.manager();
    }

    /** Who plans terms on the terms page plans them in a file: program managers and operators. */
    boolean mayPlanTerms() {
        return editor.manager();
    }

    public boolean mayChange(long schoolId) {
        return editor.mayWorkAt(schoolId);
    }
}
