package app.tandem.family.roster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

import app.tandem.directory.StaffDirectory;
import app.tandem.directory.StaffEditor;
import app.tandem.directory.StaffMember;

/**
 * The roster import page, for coordinators (their schools), program managers and operators (the district).
 * Anyone else gets a 404, as if the page did not exist. What a file may change is the importer's
 * {@link StaffEditor} reach.
 */
@Controller
class RosterImportController {

    static final String TEMPLATE = "family/roster-template.csv";

    private final RosterImports imports;
    private final StaffDirectory staff;
    private final JdbcClient jdbc;

    RosterImportController(RosterImports imports, StaffDirectory staff, JdbcClient jdbc) {
        this.imports = imports;
        this.staff = staff;
        this.jdbc = jdbc;
    }

    @GetMapping("/family/import")
    String page(Authentication who, Model model) {
        scope(who, Locale.ENGLISH);
        model.addAttribute("columns", RosterColumns.ALL);
        return "family/import";
    }

    @GetMapping("/family/import/roster-template.csv")
    ResponseEntity<byte[]> template(Authentication who) throws IOException {
        scope(who, Locale.ENGLISH);
        byte[] csv = new ClassPathResource(TEMPLATE).getContentAsByteArray();
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"roster-template.csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(csv);
    }

    @PostMapping("/family/import")
    String upload(Authentication who, @RequestParam(name = "file", required = false) MultipartFile file, Locale locale,
                  Model model) throws IOException {
        RosterScope scope = scope(who, locale);
        if (file == null || file.isEmpty()) {
            model.addAttribute("columns", RosterColumns.ALL);
            model.addAttribute("noFile", true);
            return "family/import";
        }
        ImportJob job = imports.start(file.getBytes(), scope);
        return "redirect:/family/import/" + job.id();
    }

    @GetMapping("/family/import/{id}")
    String job(Authentication who, @PathVariable String id, Model model) {
        model.addAttribute("job", imports.find(id, who.getName()).orElseThrow(RosterImportController::notFound));
        return "family/import-job";
    }

    @GetMapping("/family/import/{id}/status")
    String status(Authentication who, @PathVariable String id, Model model) {
        model.addAttribute("job", imports.find(id, who.getName()).orElseThrow(RosterImportController::notFound));
        return "family/import-job :: status";
    }

    private RosterScope scope(Authentication who, Locale locale) {
        Set<String> groups = new HashSet<>();
        if (who != null) {
            who.getAuthorities().stream().map(GrantedAuthority::getAuthority).filter(role -> role.startsWith("ROLE_"))
                    .map(role -> role.substring("ROLE_".length())).forEach(groups::add);
        }
        StaffMember member = staff.byUsername(who.getName()).orElseThrow(RosterImportController::notFound);
        Set<Long> schools = new HashSet<>(jdbc.sql("select school_id from staff_school where username = ?")
                .param(member.username()).query(Long.class).list());
        StaffEditor editor = new StaffEditor(member.username(), member.districtId(), groups, schools);
        if (!editor.editsStaff()) {
            throw notFound();
        }
        return new RosterScope(editor, locale);
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
