package app.tandem.family.web;

import java.util.Locale;

import org.springframework.ui.Model;

import app.tandem.directory.StaffEditor;
import app.tandem.directory.Viewer;
import app.tandem.family.roster.RosterImports;
import app.tandem.family.roster.RosterScope;
import app.tandem.system.NotFound;

/**
 * Who imports files of the family work (coordinators for their schools, program managers and operators for the
 * district; anyone else gets a 404), and how a running import's page names its kind.
 */
final class Importers {

    /** An import's page title and where its pages are. */
    record Kind(String titleKey, String path) {
    }

    static final Kind ROSTER = new Kind("family.import.title", "/family/import");
    static final Kind PROGRESS = new Kind("progress.import.title", "/family/progress/import");

    private Importers() {
    }

    static RosterScope scope(Viewer who, Locale locale) {
        if (!who.onStaff()) {
            throw NotFound.answer();
        }
        StaffEditor editor = who.editor();
        if (!editor.editsStaff()) {
            throw NotFound.answer();
        }
        return new RosterScope(editor, locale);
    }

    /** A running import's page, or only its status part, to the person who started it. */
    static String job(RosterImports imports, Viewer who, String id, Kind kind, boolean statusOnly, Model model) {
        model.addAttribute("job", imports.find(id, who.username()).orElseThrow(NotFound::answer));
        model.addAttribute("importTitle", kind.titleKey());
        model.addAttribute("importPath", kind.path());
        return statusOnly ? "family/import-job :: status" : "family/import-job";
    }
}
