package app.tandem.family.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import app.tandem.directory.Viewer;
import app.tandem.family.progress.ProgressColumns;
import app.tandem.family.progress.ProgressImporter;
import app.tandem.family.roster.ImportJob;
import app.tandem.family.roster.RosterImports;
import app.tandem.family.roster.RosterScope;

/**
 * The progress data import: what tutoring providers export per student and week. Coordinators import for their
 * schools' students, program managers and operators for the district's; it runs like the roster import.
 */
@Controller
class ProgressImportController {

    static final String TEMPLATE = "family/progress-template.csv";

    private final RosterImports imports;
    private final ProgressImporter importer;

    ProgressImportController(RosterImports imports, ProgressImporter importer) {
        this.imports = imports;
        this.importer = importer;
    }

    @GetMapping("/family/progress/import")
    String page(Viewer who, Model model) {
        Importers.scope(who, Locale.ENGLISH);
        model.addAttribute("columns", ProgressColumns.ALL);
        return "family/progress-import";
    }

    @GetMapping("/family/progress/import/progress-template.csv")
    ResponseEntity<byte[]> template(Viewer who) throws IOException {
        Importers.scope(who, Locale.ENGLISH);
        byte[] csv = new ClassPathResource(TEMPLATE).getContentAsByteArray();
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"progress-template.csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(csv);
    }

    @PostMapping("/family/progress/import")
    String upload(Viewer who, @RequestParam(name = "file", required = false) MultipartFile file, Locale locale,
                  Model model) throws IOException {
        RosterScope scope = Importers.scope(who, locale);
        if (file == null || file.isEmpty()) {
            model.addAttribute("columns", ProgressColumns.ALL);
            model.addAttribute("noFile", true);
            return "family/progress-import";
        }
        byte[] bytes = file.getBytes();
        ImportJob job = imports.start(scope.username(), progress -> {
            try (Reader reader = new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8)) {
                return importer.importProgress(reader, scope, progress);
            }
        });
        return "redirect:/family/progress/import/" + job.id();
    }

    @GetMapping("/family/progress/import/{id}")
    String job(Viewer who, @PathVariable String id, Model model) {
        return Importers.job(imports, who, id, Importers.PROGRESS, false, model);
    }

    @GetMapping("/family/progress/import/{id}/status")
    String status(Viewer who, @PathVariable String id, Model model) {
        return Importers.job(imports, who, id, Importers.PROGRESS, true, model);
    }
}
