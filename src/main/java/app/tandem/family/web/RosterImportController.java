package app.tandem.family.web;

import java.io.IOException;
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

import app.tandem.directory.StaffEditor;
import app.tandem.directory.Viewer;
import app.tandem.family.roster.ImportJob;
import app.tandem.family.roster.RosterColumns;
import app.tandem.family.roster.RosterImports;
import app.tandem.family.roster.RosterScope;

/**
 * The roster import page, for coordinators (their schools), program managers and operators (the district).
 * Anyone else gets a 404, as if the page did not exist. What a file may change is the importer's
 * {@link StaffEditor} reach.
 */
@Controller
class RosterImportController {

    static final String TEMPLATE = "family/roster-template.csv";

    private final RosterImports imports;

    RosterImportController(RosterImports imports) {
        this.imports = imports;
    }

    @GetMapping("/family/import")
    String page(Viewer who, Model model) {
        scope(who, Locale.ENGLISH);
        model.addAttribute("columns", RosterColumns.ALL);
        return "family/import";
    }

    @GetMapping("/family/import/roster-template.csv")
    ResponseEntity<byte[]> template(Viewer who) throws IOException {
        RosterScope scope = scope(who, Locale.ENGLISH);
        byte[] csv = new ClassPathResource(TEMPLATE).getContentAsByteArray();
        if (!scope.manager()) {
            // Coordinators neither add schools nor plan terms: their template leaves the school rows out.
            String text = new String(csv, StandardCharsets.UTF_8);
            csv = text.lines().filter(line -> !line.startsWith("school,"))
                    .collect(java.util.stream.Collectors.joining("\n", "", "\n")).getBytes(StandardCharsets.UTF_8);
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"roster-template.csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(csv);
    }

    @PostMapping("/family/import")
    String upload(Viewer who, @RequestParam(name = "file", required = false) MultipartFile file, Locale locale,
                  @RequestParam(defaultValue = "false") boolean inviteNewStaff, Model model) throws IOException {
        RosterScope scope = new RosterScope(scope(who, locale).editor(), locale, inviteNewStaff);
        if (file == null || file.isEmpty()) {
            model.addAttribute("columns", RosterColumns.ALL);
            model.addAttribute("noFile", true);
            return "family/import";
        }
        ImportJob job = imports.start(file.getBytes(), scope);
        return "redirect:/family/import/" + job.id();
    }

    @GetMapping("/family/import/{id}")
    String job(Viewer who, @PathVariable String id, Model model) {
        return Importers.job(imports, who, id, Importers.ROSTER, false, model);
    }

    @GetMapping("/family/import/{id}/status")
    String status(Viewer who, @PathVariable String id, Model model) {
        return Importers.job(imports, who, id, Importers.ROSTER, true, model);
    }

    private static RosterScope scope(Viewer who, Locale locale) {
        return Importers.scope(who, locale);
    }
}
